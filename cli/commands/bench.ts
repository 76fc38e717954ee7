/**
 * `memplan bench [PATH…]`: the quality and speed benchmark (bench/), and
 * `memplan bench merge` to join the folders of a sharded sweep.
 *
 * @module
 */
import { Command, Option } from "npm:@commander-js/extra-typings@15.1.0";
import { DEFAULT_RANDOM_SIZES } from "../../bench/inputs.ts";
import { DEFAULT_MAX_EXACT_TENSORS, SCALABLE_PLANNERS } from "../../bench/matrix.ts";
import { runBench } from "../../bench/run_bench.ts";
import { parseShard } from "../../bench/shard.ts";
import {
  benchInputs,
  DEFAULT_OUT,
  defaultOut,
  parseNames,
  printOutcome,
  rawArgs,
} from "../bench_args.ts";
import { parseByteCount, parseSeconds, runCommand } from "../run.ts";
import { mergeCommand } from "./bench_merge.ts";

/**
 * The `bench` command, with its `merge` subcommand.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Command } from "npm:@commander-js/extra-typings@15.1.0";
 * const dir = await Deno.makeTempDir();
 * const program = new Command("memplan").exitOverride().addCommand(benchCommand());
 * const args = ["bench", "testdata/graphs/tiny.json", "--schedulers", "greedy",
 *   "--placers", "greedy-size", "--progress", "none", "--out", dir];
 * await program.parseAsync(args, { from: "user" });
 * assert.equal(Deno.exitCode, 0);
 * assert.equal((await Deno.readTextFile(`${dir}/results.jsonl`)).trim().split("\n").length, 3);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export function benchCommand() {
  const bench = new Command("bench")
    .description(
      [
        "Benchmark every planner. Each run is re-verified by the simulator (graphs) or the " +
        "placement verifier (CSV problems); results go to OUT/results.jsonl (resumable), " +
        "summary.md, summary.csv, peak.svg, solve_time.svg, fragmentation.svg and, with random " +
        "graphs, scaling.md.",
        "With no PATH, --random or --verify-speed, the default suites run: the fixtures " +
        "(testdata/graphs/*.json.gz), the minimalloc suite (testdata/minimalloc), " +
        "the verify-speed benchmark at 1,000,000 tensors and random graphs of " +
        `${DEFAULT_RANDOM_SIZES.join(", ")} tensors. --quick runs only the fixtures and ` +
        "minimalloc, with a 5 s time limit.",
        "Graphs: program order under the pytorch and best-fit allocator models (baselines), " +
        "every scheduler with the reference placer (best, else greedy-size), and every placer " +
        "under the reference scheduler (best, else greedy); --cross runs every pair instead. " +
        "CSV problems: every placer, within the capacity in the file name X.<capacity>.csv. " +
        `Random graphs above --max-exact-tensors get only ${[...SCALABLE_PLANNERS].join(", ")}.`,
        "Exit 0: every run verified; 1: a run failed verification or threw; 2: bad input or usage.",
      ].join("\n\n"),
    )
    .argument("[paths...]", "graph files (.json, .json.gz), minimalloc CSVs, or folders of them")
    .option("--quick", "fixtures + minimalloc only, time limit 5 s")
    .option("--random <sizes>", "comma-separated tensor counts of random training graphs")
    .option("--verify-speed <tensors>", "run the verify-speed benchmark at this many tensors")
    .option("--schedulers <names>", "comma-separated schedulers (default: all registered)")
    .option("--placers <names>", "comma-separated placers (default: all registered)")
    .option("--cross", "every scheduler × every placer instead of the sweep")
    .option("--time-limit <seconds>", "per run (default 60; 5 with --quick)")
    .option("--seed <n>", "seed of the planners and the random graphs", "1")
    .option(
      "--max-exact-tensors <n>",
      "largest random graph given the ILP and search planners",
      String(DEFAULT_MAX_EXACT_TENSORS),
    )
    .option("--shard <K/N>", "run only shard K of N (by a hash of each run's key)")
    .option(
      "--out <dir>",
      `output folder (default ${DEFAULT_OUT}; ${DEFAULT_OUT}/quick with --quick; ` +
        `${DEFAULT_OUT}/shard-K-of-N with --shard)`,
    )
    .option("--fresh", "discard OUT/results.jsonl instead of resuming from it")
    .option("--json", "print the outcome as JSON (runs done, skipped, failed; files written)")
    .addOption(
      new Option("--progress <mode>", "progress display").choices(
        ["auto", "bar", "lines", "none"] as const,
      ).default("auto" as const),
    )
    .action(async (paths, opts) => {
      Deno.exitCode = await runCommand(async () => {
        const seed = parseByteCount("--seed", opts.seed);
        const shard = opts.shard !== undefined ? parseShard(opts.shard) : undefined;
        const timeLimit = opts.timeLimit !== undefined
          ? parseSeconds("--time-limit", opts.timeLimit)
          : opts.quick
          ? 5
          : 60;
        const inputs = await benchInputs(paths, { ...opts, seed });
        const out = opts.out ?? defaultOut({ shard, quick: opts.quick });
        const outcome = await runBench({
          inputs,
          out,
          timeLimit,
          seed,
          schedulers: parseNames(opts.schedulers),
          placers: parseNames(opts.placers),
          cross: opts.cross,
          maxExactTensors: parseByteCount("--max-exact-tensors", opts.maxExactTensors),
          shard,
          fresh: opts.fresh,
          progress: opts.progress,
          command: ["memplan", ...rawArgs(bench)].join(" "),
        });
        printOutcome(outcome, { json: opts.json });
        return outcome.exitCode;
      });
    });
  // commander hands `--out` and `--json` after `bench merge …` to bench (the root program does
  // not use positional options), so merge also looks there.
  bench.addCommand(
    mergeCommand(() => bench.opts().out, () => bench.opts().json).exitOverride(),
  );
  return bench;
}
