/**
 * `memplan place PROBLEM.csv -o OUT.csv`: place a fixed-lifetime buffer problem.
 *
 * @module
 */
import { Command, Option } from "npm:@commander-js/extra-typings@15.1.0";
import { loadMinimallocCsv } from "../../graph/load.ts";
import { minimallocCsvOutput } from "../../graph/minimalloc_bytes.ts";
import { checkOutputPath, writeTextAtomic } from "../../graph/write_output.ts";
import { placeVerified } from "../../pipeline/place_verified.ts";
import { placeSummary } from "../../pipeline/summary.ts";
import { placerNames } from "../../solver/placer_registry.ts";
import { finishOutcome } from "../print_outcome.ts";
import { overrunNote, solverBudget } from "../time_budget.ts";
import { parseByteCount, parseSeconds, runCommand } from "../run.ts";
import { optionalSize } from "../size.ts";
import { formatInt } from "../format.ts";
import { capacityFromName } from "../../bench/inputs.ts";
import { InputError } from "../../graph/input_error.ts";
import { bufferCount } from "../../graph/problem_columns.ts";
import { threadsOption } from "../threads_option.ts";

/**
 * The `place` command.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Command } from "npm:@commander-js/extra-typings@15.1.0";
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
      "Place a minimalloc-style buffer problem (id,lower,upper,size): pick an offset for every " +
        "buffer so that buffers with intersecting lifespans never share bytes. The placement is " +
        "verified before it is written.\n\n" +
        "Exit 0: placed (within --capacity); 3: no placement within the capacity (impossible: " +
        "below the peak live, or not found in time); 2: bad input.",
    )
    .argument("<problem>", "minimalloc CSV problem")
    .option(
      "--capacity <size>",
      "every offset + size must fit under it (bytes, or with a unit: 16GiB, 1.5GB)",
    )
    .option(
      "--capacity-from-name",
      "use the capacity a MiniMalloc file name carries (NAME.<capacity>.csv), and say so",
    )
    .addOption(
      new Option("--placer <name>", "how to pick the offsets").choices(placerNames()).default(
        "best",
      ),
    )
    .option("--time-limit <seconds>", "wall-clock budget in seconds, or none", "30")
    .option("--seed <n>", "seed for randomised placers", "1")
    .addOption(threadsOption())
    .option(
      "--minimize",
      "search for the lowest feasible arena (the search placer proves it optimal when it reaches peak live)",
    )
    .requiredOption(
      "-o, --output <file>",
      "CSV to write, with an offset column; - for standard output (the summary then goes to " +
        "standard error)",
    )
    .option("--json", "print the summary as JSON")
    .action(async (file, opts) => {
      Deno.exitCode = await runCommand(async () => {
        const capacity = opts.capacityFromName
          ? nameCapacity(file, opts.capacity)
          : optionalSize("--capacity", opts.capacity);
        const timeLimit = parseSeconds("--time-limit", opts.timeLimit);
        const seed = parseByteCount("--seed", opts.seed);
        const readFrom = performance.now();
        const problem = await loadMinimallocCsv(file);
        const readSeconds = (performance.now() - readFrom) / 1000;
        await checkOutputPath(opts.output, { inputs: [file] });
        const { placer, minimize } = opts;
        // The limit covers start-up, reading, verifying and writing too:
        // performance.now() counts from the start of the process.
        const budget = solverBudget(timeLimit, 0, bufferCount(problem), readSeconds);
        const r = await placeVerified(problem, {
          placer,
          capacity,
          timeLimit: budget,
          seed,
          minimize,
          threads: Number(opts.threads),
        });
        if (r.check.peakLive > Number.MAX_SAFE_INTEGER) {
          // Live bytes past 2^53 - 1 are not exact, nor any arena above them.
          throw new InputError([{
            file,
            where: "size",
            message: "the buffers alive at some time sum past 2^53 - 1 bytes: " +
              "no placement's offsets would be exact",
          }]);
        }
        return await finishOutcome({
          ...r,
          what: "placement",
          who: `the ${opts.placer} placer`,
          output: opts.output,
          capacity,
          arena: r.check.arena,
          lowerBound: Math.max(r.check.peakLive, r.result.bound ?? 0),
          note: opts.capacityFromName
            ? `capacity ${formatInt(capacity!)} from the file name`
            : undefined,
          summary: () => {
            const s = placeSummary(r, { problem: file, placer: opts.placer, output: opts.output });
            // Called after writing. A placement is owed even when the quickest
            // one cannot meet the limit: it is returned, and the overrun said.
            const over = overrunNote(
              timeLimit,
              "placing",
              `${formatInt(bufferCount(problem))} buffers`,
            );
            if (over !== undefined) {
              s.timeNote = `${over}; the best placement found by then is returned`;
            }
            return s;
          },
          write: () =>
            writeTextAtomic(opts.output, minimallocCsvOutput(problem, r.offsets), {
              inputs: [file],
            }),
          json: opts.json,
          // Loaded only to print it: its tables' module counts against the
          // time limit of every run, JSON ones included.
          table: async (s) => (await import("../print_plan.ts")).formatPlaceSummary(s),
        });
      });
    });
}

/** The capacity in a MiniMalloc file name, asked for with --capacity-from-name. */
function nameCapacity(file: string, given: string | undefined): number {
  const where = "--capacity-from-name";
  if (given !== undefined) {
    throw new InputError([{
      file: "command line",
      where,
      message: "give it or --capacity, not both",
    }]);
  }
  const capacity = capacityFromName(file);
  if (capacity === undefined) {
    throw new InputError([{
      file: "command line",
      where,
      message: `${JSON.stringify(file)} carries no capacity (NAME.<capacity>.csv)`,
    }]);
  }
  return capacity;
}
