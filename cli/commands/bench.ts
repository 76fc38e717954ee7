/**
 * `memplan bench [PATH…]`: the quality and speed benchmark (bench/), and
 * `memplan bench merge` to join the folders of a sharded sweep.
 *
 * @module
 */
import { Command, Option } from "npm:@commander-js/extra-typings@15.1.0";
import { InputError } from "../../graph/input_error.ts";
import {
  type BenchInput,
  DEFAULT_RANDOM_SIZES,
  defaultInputs,
  pathInputs,
  randomInputs,
  verifySpeedInput,
} from "../../bench/inputs.ts";
import { DEFAULT_MAX_EXACT_TENSORS, SCALABLE_PLANNERS } from "../../bench/matrix.ts";
import { mergeResults } from "../../bench/merge.ts";
import { type BenchOutcome, runBench } from "../../bench/run_bench.ts";
import { parseShard } from "../../bench/shard.ts";
import { failureText } from "../../bench/failure.ts";
import { parseByteCount, parseSeconds, runCommand } from "../run.ts";

const DEFAULT_OUT = "bench/results";

/** The `bench` command, with its `merge` subcommand. */
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
        const inputs: BenchInput[] = [...await pathInputs(paths)];
        if (opts.verifySpeed !== undefined) {
          inputs.push(verifySpeedInput(parseSize("--verify-speed", opts.verifySpeed), seed));
        }
        if (opts.random !== undefined) {
          inputs.push(...randomInputs(parseSizes("--random", opts.random), seed));
        }
        if (inputs.length === 0) inputs.push(...await defaultInputs({ quick: opts.quick, seed }));
        const out = opts.out ??
          (shard
            ? `${DEFAULT_OUT}/shard-${shard.index}-of-${shard.count}`
            : opts.quick
            ? `${DEFAULT_OUT}/quick`
            : DEFAULT_OUT);
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
        printOutcome(outcome);
        return outcome.exitCode;
      });
    });
  // commander hands `--out` after `bench merge …` to bench (the root program does
  // not use positional options), so merge also looks there.
  bench.addCommand(mergeCommand(() => bench.opts().out).exitOverride());
  return bench;
}

function mergeCommand(parentOut: () => string | undefined) {
  return new Command("merge")
    .description(
      "Join the results of sharded runs: one row per key (a later file wins), then rebuild the " +
        "reports. Exit 0: every merged run verified; 1: some failed; 2: a file is missing.",
    )
    .argument("<files...>", "results.jsonl files (or folders holding one)")
    .option("--out <dir>", "folder to write the merged results and reports to (required)")
    .action(async (files, opts) => {
      Deno.exitCode = await runCommand(async () => {
        const out = opts.out ?? parentOut();
        if (out === undefined) {
          throw new InputError([{
            file: "command line",
            where: "--out",
            message: "bench merge needs --out DIR, the folder to write the merged results to",
          }]);
        }
        const merged = await mergeResults({ files, out });
        console.log(
          `merged ${merged.read} rows from ${files.length} files into ${merged.rows.length} runs` +
            (merged.failed.length ? `, ${merged.failed.length} FAILED` : ""),
        );
        for (const f of merged.files) console.log(`wrote ${f}`);
        for (const r of merged.failed) console.error(`FAILED ${failureText(r)}`);
        return merged.exitCode;
      });
    });
}

function printOutcome(o: BenchOutcome): void {
  console.log(
    `${o.ran.length} runs done, ${o.skipped} already done (resumed), ${o.failed.length} failed; ` +
      `${o.rows.length} runs in the results`,
  );
  for (const f of o.files) console.log(`wrote ${f}`);
  if (o.failed.length) {
    console.error(`memplan bench: ${o.failed.length} runs FAILED verification:`);
    for (const r of o.failed) console.error(`  ${failureText(r)}`);
  }
}

/** The arguments as typed: commander keeps them as `rawArgs`, which its typings omit. */
function rawArgs(command: { parent: unknown }): string[] {
  return (command.parent as { rawArgs?: string[] } | null)?.rawArgs ?? ["bench"];
}

function parseNames(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}

function parseSize(option: string, text: string): number {
  const n = parseByteCount(option, text);
  if (n < 13) {
    throw new InputError([{
      file: "command line",
      where: option,
      message: `${n} tensors are too few for a training graph (at least 13)`,
    }]);
  }
  return n;
}

function parseSizes(option: string, text: string): number[] {
  return text.split(",").map((s) => s.trim()).filter(Boolean).map((s) => parseSize(option, s));
}
