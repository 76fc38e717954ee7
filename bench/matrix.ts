/**
 * The benchmark matrix: which planner runs on which input.
 *
 * - A graph (fixture, path or random) gets two **baselines**, program order
 *   replayed by the `pytorch` and the `best-fit` online allocator models
 *   (`program@pytorch`, `program@best-fit`), then a **sweep**: every scheduler
 *   with the reference placer, and every placer under the reference scheduler.
 *   The reference is `best` when it is in the list, else `greedy` (scheduler) or
 *   `greedy-size` (placer), else the list's first. `cross` runs every scheduler
 *   × every placer instead.
 * - A buffer problem (CSV) gets every placer.
 * - A random graph larger than `maxExactTensors` gets only the scalable
 *   planners ({@linkcode SCALABLE_PLANNERS}): ILP and search planners are for
 *   small inputs.
 *
 * @module
 */
import { plannerNames } from "../solver/registry.ts";
import type { Placer, Scheduler } from "../solver/types.ts";
import type { BenchInput } from "./inputs.ts";
import { rowKey, type RunOptions } from "./record.ts";

/** The planners a benchmark may use, by name (the registry's tables, or a test's). */
export interface PlannerTables {
  schedulers: Readonly<Record<string, Scheduler>>;
  placers: Readonly<Record<string, Placer>>;
}

/** Planners near linear in the input (the registry's `linear` ones), run on random graphs of every size. */
export const SCALABLE_PLANNERS: ReadonlySet<string> = new Set(plannerNames({ cost: "linear" }));

/** Online allocator models program order is replayed under, as baselines. */
export const BASELINE_ALLOCATORS = ["pytorch", "best-fit"] as const;

/** Default of {@linkcode MatrixOptions.maxExactTensors}. */
export const DEFAULT_MAX_EXACT_TENSORS = 10_000;

/** One run to do. */
export interface BenchTask {
  key: string;
  input: BenchInput;
  /** As in `BenchRow.planner`. */
  planner: string;
  scheduler?: string;
  placer?: string;
  allocator: string;
  options: RunOptions;
}

/** Options of {@linkcode benchTasks}. */
export interface MatrixOptions {
  /** Scheduler names, in order. */
  schedulers: readonly string[];
  /** Placer names, in order. */
  placers: readonly string[];
  /** Every scheduler × every placer instead of the sweep. */
  cross?: boolean;
  timeLimit: number;
  seed: number;
  /** Random graphs above this many tensors get only {@linkcode SCALABLE_PLANNERS}; default 10,000. */
  maxExactTensors?: number;
}

/**
 * The runs of one input, baselines first.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { pathInputs } from "./inputs.ts";
 * const [input] = await pathInputs(["testdata/graphs/tiny.json"]);
 * const tasks = benchTasks(input, {
 *   schedulers: ["program", "greedy"], placers: ["greedy-size", "first-fit"], timeLimit: 60, seed: 1,
 * });
 * assert.deepEqual(tasks.map((t) => t.planner), [
 *   "program@pytorch", "program@best-fit", "program+greedy-size", "greedy+greedy-size",
 *   "greedy+first-fit",
 * ]);
 * ```
 */
export function benchTasks(input: BenchInput, options: MatrixOptions): BenchTask[] {
  const runOptions: RunOptions = { timeLimit: options.timeLimit, seed: options.seed };
  const task = (
    planner: string,
    parts: { scheduler?: string; placer?: string; allocator: string },
    opts: RunOptions,
  ): BenchTask => ({
    key: rowKey(input.id, planner, opts),
    input,
    planner,
    ...parts,
    options: opts,
  });
  if (input.kind === "verify-speed") {
    return [task("verify-speed", { allocator: "static" }, {})];
  }
  if (input.kind === "csv") {
    return options.placers.map((p) => task(p, { placer: p, allocator: "static" }, runOptions));
  }
  const limit = options.maxExactTensors ?? DEFAULT_MAX_EXACT_TENSORS;
  const exactOk = input.kind !== "random" || (input.tensors ?? 0) <= limit;
  const keep = (names: readonly string[]) =>
    names.filter((n) => exactOk || SCALABLE_PLANNERS.has(n));
  const schedulers = keep(options.schedulers), placers = keep(options.placers);
  const tasks = BASELINE_ALLOCATORS.map((a) =>
    task(`program@${a}`, { scheduler: "program", allocator: a }, {})
  );
  const pairs: [string, string][] = [];
  if (options.cross) {
    for (const s of schedulers) for (const p of placers) pairs.push([s, p]);
  } else {
    const refScheduler = reference(schedulers, ["best", "greedy"]);
    const refPlacer = reference(placers, ["best", "greedy-size"]);
    if (refPlacer !== undefined) { for (const s of schedulers) pairs.push([s, refPlacer]); }
    if (refScheduler !== undefined) { for (const p of placers) pairs.push([refScheduler, p]); }
  }
  const seen = new Set<string>();
  for (const [s, p] of pairs) {
    const planner = `${s}+${p}`;
    if (seen.has(planner)) continue;
    seen.add(planner);
    tasks.push(task(planner, { scheduler: s, placer: p, allocator: "static" }, runOptions));
  }
  return tasks;
}

/**
 * The first of `preferred` that `names` holds, else the first name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(reference(["program", "greedy"], ["best", "greedy"]), "greedy");
 * ```
 */
export function reference(
  names: readonly string[],
  preferred: readonly string[],
): string | undefined {
  return preferred.find((p) => names.includes(p)) ?? names[0];
}
