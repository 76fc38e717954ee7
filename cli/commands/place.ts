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
import { formatPlaceSummary } from "../print_plan.ts";
import { optionalByteCount, parseByteCount, parseSeconds, runCommand } from "../run.ts";

/** The `place` command. */
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
        const r = await placeVerified(problem, { placer, capacity, timeLimit, seed, minimize });
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
