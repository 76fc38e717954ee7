/**
 * The benchmark runner: inputs × planners (bench/matrix.ts), each run judged
 * by the simulator or the placement verifier, appended to results.jsonl as it
 * ends, then the reports rebuilt from every row in the folder.
 *
 * Resuming: a key already in results.jsonl with a verified row is skipped; a
 * failed one runs again and its new row replaces the old. Sharding: `shard`
 * keeps the runs whose key hashes to it (bench/shard.ts); merge the shards'
 * folders with {@linkcode mergeResults} (bench/merge.ts).
 *
 * @module
 */
import { join } from "node:path";
import { InputError } from "../graph/input_error.ts";
import { EXIT } from "../pipeline/exit.ts";
import { PLACERS, SCHEDULERS } from "../solver/registry.ts";
import type { BenchInput } from "./inputs.ts";
import { type BenchTask, benchTasks, type PlannerTables } from "./matrix.ts";
import { createProgress, type ProgressMode } from "./progress.ts";
import type { BenchRow } from "./record.ts";
import {
  appendResult,
  dedupeRows,
  readResults,
  repairResults,
  RESULTS_FILE,
} from "./results_file.ts";
import { runInput } from "./run_input.ts";
import { inShard, type Shard } from "./shard.ts";
import { writeReports } from "./write_reports.ts";

/** Options of {@linkcode runBench}. */
export interface RunBenchOptions {
  inputs: readonly BenchInput[];
  /** Folder of results.jsonl and the reports. */
  out: string;
  /** Seconds per run; default 60. */
  timeLimit?: number;
  /** Seed of planners and random graphs; default 1. */
  seed?: number;
  /** Scheduler names; default every one in the table. */
  schedulers?: readonly string[];
  /** Placer names; default every one in the table. */
  placers?: readonly string[];
  /** Every scheduler × every placer instead of the sweep. */
  cross?: boolean;
  /** See bench/matrix.ts; default 10,000. */
  maxExactTensors?: number;
  shard?: Shard;
  /** Start results.jsonl afresh instead of resuming. */
  fresh?: boolean;
  /**
   * Planner tables to use instead of the registry's (which are frozen): how a
   * test runs a deliberately broken planner through the whole pipeline.
   */
  planners?: Partial<PlannerTables>;
  progress?: ProgressMode;
  /** Quoted in summary.md. */
  command?: string;
}

/** What a benchmark did. */
export interface BenchOutcome {
  /** 0, or 1 (`EXIT.violations`) when a run of this call failed verification or threw. */
  exitCode: number;
  /** Rows of the runs done by this call. */
  ran: BenchRow[];
  /** Runs skipped because results.jsonl already had them. */
  skipped: number;
  /** The runs of this call that failed. */
  failed: BenchRow[];
  /** Every row in the folder after this call (one per key). */
  rows: BenchRow[];
  /** Files written. */
  files: string[];
}

/**
 * Runs a benchmark and writes its folder.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pathInputs } from "./inputs.ts";
 * const out = await Deno.makeTempDir();
 * const { exitCode, rows } = await runBench({
 *   inputs: await pathInputs(["testdata/graphs/tiny.json"]), out, timeLimit: 5,
 *   schedulers: ["greedy"], placers: ["greedy-size"], progress: "none",
 * });
 * assert.deepEqual([exitCode, rows.length], [0, 3]); // two baselines and greedy+greedy-size
 * await Deno.remove(out, { recursive: true });
 * ```
 */
export async function runBench(options: RunBenchOptions): Promise<BenchOutcome> {
  const tables: PlannerTables = {
    schedulers: options.planners?.schedulers ?? SCHEDULERS,
    placers: options.planners?.placers ?? PLACERS,
  };
  const schedulers = checkNames(options.schedulers, tables.schedulers, "--schedulers");
  const placers = checkNames(options.placers, tables.placers, "--placers");
  const timeLimit = options.timeLimit ?? 60;
  const seed = options.seed ?? 1;
  const resultsFile = join(options.out, RESULTS_FILE);
  if (options.fresh) await Deno.remove(resultsFile).catch(() => {});
  const done = new Set(
    (await repairResults(resultsFile)).filter((r) => r.verified).map((r) => r.key),
  );
  let skipped = 0;
  const work: [BenchInput, BenchTask[]][] = [];
  for (const input of options.inputs) {
    const tasks = benchTasks(input, {
      schedulers,
      placers,
      cross: options.cross,
      timeLimit,
      seed,
      maxExactTensors: options.maxExactTensors,
    }).filter((t) => inShard(t.key, options.shard));
    const todo = tasks.filter((t) => !done.has(t.key));
    skipped += tasks.length - todo.length;
    if (todo.length) work.push([input, todo]);
  }
  const total = work.reduce((n, [, t]) => n + t.length, 0);
  const progress = createProgress(total, options.progress);
  if (skipped) progress.note(`memplan bench: ${skipped} runs already in ${resultsFile}; skipped`);
  const ran: BenchRow[] = [];
  try {
    for (const [input, tasks] of work) {
      const rows = runInput(input, tasks, {
        tables,
        boundTimeLimit: Math.min(timeLimit, 10),
        onTask: (t) => progress.start(t),
      });
      for await (const row of rows) {
        await appendResult(resultsFile, row);
        ran.push(row);
        progress.done(row);
      }
    }
  } finally {
    progress.stop();
  }
  const rows = dedupeRows(await readResults(resultsFile));
  const files = [resultsFile, ...await writeReports(options.out, rows, options)];
  const failed = ran.filter((r) => !r.verified);
  return {
    exitCode: failed.length ? EXIT.violations : EXIT.ok,
    ran,
    skipped,
    failed,
    rows,
    files,
  };
}

function checkNames(
  names: readonly string[] | undefined,
  table: Readonly<Record<string, unknown>>,
  option: string,
): string[] {
  if (names === undefined) return Object.keys(table);
  const unknown = names.filter((n) => !Object.hasOwn(table, n));
  if (unknown.length) {
    throw new InputError([{
      file: "command line",
      where: option,
      message: `unknown ${unknown.map((n) => JSON.stringify(n)).join(", ")}; valid: ${
        Object.keys(table).join(", ")
      }`,
    }]);
  }
  return [...names];
}
