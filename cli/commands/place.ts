/**
 * `memplan place PROBLEM.csv -o OUT.csv`: place a fixed-lifetime buffer problem.
 *
 * @module
 */
import { Command, Option } from "@commander-js/extra-typings";
import { loadMinimallocCsv } from "../../graph/load.ts";
import { formatMinimallocCsv } from "../../graph/minimalloc_csv.ts";
import { writeTextAtomic } from "../../graph/write_output.ts";
import { placeVerified } from "../../pipeline/place_verified.ts";
import { placeSummary } from "../../pipeline/summary.ts";
import { placerNames } from "../../solver/registry.ts";
import { finishOutcome } from "../print_outcome.ts";
import { solverBudget } from "../time_budget.ts";
import { formatPlaceSummary } from "../print_plan.ts";
import { optionalByteCount, parseByteCount, parseSeconds, runCommand } from "../run.ts";

/**
 * The `place` command.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Command } from "@commander-js/extra-typings";
 * const dir = await Deno.makeTempDir();
 * const program = new Command("memplan").exitOverride().addCommand(placeCommand());
 * await program.parseAsync(["place", "testdata/minimalloc/example.12.csv", "--placer", "greedy-size", "-o", `${dir}/example.csv`], { from: "user" });
 * assert.equal(Deno.exitCode, 0);
 * assert.match(await Deno.readTextFile(`${dir}/example.csv`), /,offset\n/);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export function placeCommand() {
  return new Command("place")
    .description(
      "Place a minimalloc-style buffer problem (id,lower,upper,size): pick an offset for every\n" +
        "buffer so that buffers with intersecting lifespans never share bytes. The placement is\n" +
        "verified before it is written.\n" +
        "Exit 0: placed (within --capacity); 3: no placement within the capacity found in time; 2: bad input.",
    )
    .argument("<problem>", "minimalloc CSV problem")
    .option("--capacity <bytes>", "every offset + size must fit under it")
    .addOption(
      new Option("--placer <name>", "how to pick the offsets").choices(placerNames()).default(
        "best",
      ),
    )
    .option("--time-limit <seconds>", "wall-clock budget in seconds, or none", "30")
    .option("--seed <n>", "seed for randomised placers", "1")
    .option(
      "--minimize",
      "search for the lowest feasible arena (the search placer proves it optimal when it reaches peak live)",
    )
    .requiredOption("-o, --output <file>", "CSV to write, with an offset column")
    .option("--json", "print the summary as JSON")
    .action(async (file, opts) => {
      Deno.exitCode = await runCommand(async () => {
        const capacity = optionalByteCount("--capacity", opts.capacity);
        const timeLimit = parseSeconds("--time-limit", opts.timeLimit);
        const seed = parseByteCount("--seed", opts.seed);
        const problem = await loadMinimallocCsv(file);
        const { placer, minimize } = opts;
        // The limit covers start-up, reading, verifying and writing too:
        // performance.now() counts from the start of the process.
        const budget = solverBudget(timeLimit, 0, problem.buffers.length);
        const r = await placeVerified(problem, {
          placer,
          capacity,
          timeLimit: budget,
          seed,
          minimize,
        });
        return await finishOutcome({
          ...r,
          what: "placement",
          who: `the ${opts.placer} placer`,
          output: opts.output,
          capacity,
          arena: r.check.arena,
          summary: () =>
            placeSummary(r, { problem: file, placer: opts.placer, output: opts.output }),
          write: () => writeTextAtomic(opts.output, formatMinimallocCsv(problem, r.offsets)),
          json: opts.json,
          table: formatPlaceSummary,
        });
      });
    });
}
