/**
 * One benchmark result: a line of `results.jsonl`, and the key that makes a
 * sweep resumable, shardable and mergeable.
 *
 * @module
 */
import type { Violation } from "../simulator/violations.ts";

/** What was benchmarked: a training graph, a buffer problem, or the verify-speed measurement. */
export type RowKind = "graph" | "csv" | "verify-speed";

/** Planner options that change a result, part of the row's key. */
export interface RunOptions {
  timeLimit?: number;
  seed?: number;
}

/**
 * One run of one planner on one input, as measured by the judge. Byte counts
 * are exact; ratios are fractions (0.25 = 25 %). Fields that do not apply to a
 * kind are absent (e.g. no program order for a buffer problem).
 */
export interface BenchRow {
  /** `input|planner|options`: unique per run; see {@linkcode rowKey}. */
  key: string;
  /** `fixtures`, `minimalloc`, `paths`, `random` or `verify-speed`. */
  suite: string;
  /** Stable id of the input: a path, or `random:N:seedS`, or `verify-speed:N`. */
  input: string;
  /** Short display name (file stem). */
  name: string;
  kind: RowKind;
  /** Tensors (graphs) or buffers (CSV problems). */
  size: number;
  ops?: number;
  /** `scheduler+placer`, `program@allocator` (baseline), a placer name (CSV), or `verify-speed`. */
  planner: string;
  scheduler?: string;
  placer?: string;
  /** `static` for planned offsets, else the online allocator model of a baseline. */
  allocator: string;
  options: RunOptions;
  /** The planner's own status (`baseline` for an online allocator; `error` if it threw). */
  status: string;
  scheduleStatus?: string;
  placeStatus?: string;
  programOrderPeak?: number;
  peakLive?: number;
  arena?: number;
  fragmentation?: number;
  /** `1 - arena / programOrderPeak`. */
  reductionArena?: number;
  /** `1 - peakLive / programOrderPeak`. */
  reductionPeakLive?: number;
  lowerBound?: number;
  /** `trivial`, `cut`, `mincut`, `split` (graph bounds) or `peak-live` (buffer problems). */
  lowerBoundKind?: string;
  /** `(arena - lowerBound) / arena`. */
  gap?: number;
  capacity?: number;
  fits?: boolean;
  /** Planner seconds (schedule + place). */
  seconds: number;
  scheduleSeconds?: number;
  placeSeconds?: number;
  /** Seconds the judge (simulator or placement verifier) took. */
  verifySeconds?: number;
  /** verify-speed only: JSON.parse seconds of the graph and plan text. */
  parseSeconds?: number;
  /** True when the planner took longer than its time limit (it should have stopped). */
  overTimeLimit?: boolean;
  /** Peak resident memory of the process during this run (VmHWM reset before it on Linux). */
  peakRssMiB: number;
  /** The judge found no violation (capacity aside, which `fits` reports). */
  verified: boolean;
  violationCount?: number;
  /** The first violation, when not verified. */
  violation?: Violation;
  /** The message, when the planner or the run threw. */
  error?: string;
  /** ISO time the row was written. */
  at: string;
}

/**
 * The key of a run: the input, the planner and the options that change the
 * result, with option keys sorted so equal options give equal keys.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(
 *   rowKey("testdata/graphs/tiny.json", "greedy+greedy-size", { timeLimit: 60, seed: 1 }),
 *   'testdata/graphs/tiny.json|greedy+greedy-size|{"seed":1,"timeLimit":60}',
 * );
 * ```
 */
export function rowKey(input: string, planner: string, options: RunOptions): string {
  const sorted = Object.fromEntries(Object.entries(options).sort(([a], [b]) => a.localeCompare(b)));
  return `${input}|${planner}|${JSON.stringify(sorted)}`;
}

/** What {@linkcode taskRow} needs of a task (see bench/matrix.ts). */
export interface RowIdentity {
  key: string;
  input: { id: string; suite: string; name: string; kind: string };
  planner: string;
  scheduler?: string;
  placer?: string;
  allocator: string;
  options: RunOptions;
}

/** The measured part of a row: everything but the identity. */
export type RowMeasures = Omit<
  BenchRow,
  "key" | "suite" | "input" | "name" | "kind" | "planner" | "allocator" | "options" | "at"
>;

/**
 * A row for a task: its identity fields plus the measures, stamped with the time.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pathInputs } from "./inputs.ts";
 * import { benchTasks } from "./matrix.ts";
 * const [input] = await pathInputs(["testdata/graphs/tiny.json"]);
 * const [task] = benchTasks(input, { schedulers: [], placers: [], timeLimit: 60, seed: 1 });
 * const row = taskRow(task, { size: 6, status: "baseline", seconds: 0.01, peakRssMiB: 80, verified: true });
 * assert.deepEqual([row.key, row.kind, row.planner], [task.key, "graph", "program@pytorch"]);
 * ```
 */
export function taskRow(task: RowIdentity, measures: RowMeasures): BenchRow {
  const kind: RowKind = task.input.kind === "csv"
    ? "csv"
    : task.input.kind === "verify-speed"
    ? "verify-speed"
    : "graph";
  const row: BenchRow = {
    key: task.key,
    suite: task.input.suite,
    input: task.input.id,
    name: task.input.name,
    kind,
    planner: task.planner,
    allocator: task.allocator,
    options: task.options,
    ...measures,
    at: new Date().toISOString(),
  };
  if (task.scheduler !== undefined) row.scheduler = task.scheduler;
  if (task.placer !== undefined) row.placer = task.placer;
  return row;
}
