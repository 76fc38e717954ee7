/**
 * Runs the tasks of one input: loads or generates it once, then yields a row
 * per task. Inputs are run one at a time so a large graph is released before
 * the next is made.
 *
 * @module
 */
import { indexGraph } from "../graph/indexed_graph.ts";
import { loadGraph, loadMinimallocCsv } from "../graph/load.ts";
import type { BenchInput } from "./inputs.ts";
import { collectGarbage } from "./measure.ts";
import type { BenchTask, PlannerTables } from "./matrix.ts";
import { randomTrainingGraph } from "../testkit/training_graph.ts";
import { type BenchRow, taskRow } from "./record.ts";
import { runCsvTask } from "./run_csv.ts";
import { graphContext, runGraphTask } from "./run_graph.ts";
import { verifySpeed } from "./verify_speed.ts";

/**
 * From this many tensors on, garbage is collected before every run, not only
 * before every input: what one run leaves would otherwise inflate the next
 * run's peak RSS. (A full collection costs tens of milliseconds, too much to
 * pay before each of the many small runs.)
 */
export const COLLECT_EVERY_RUN_TENSORS = 100_000;

/** Options of {@linkcode runInput}. */
export interface RunInputOptions {
  tables: PlannerTables;
  /** Seconds for the graph's lower bounds; default 10. */
  boundTimeLimit?: number;
  /** Called before each task starts (a progress bar names it). */
  onTask?: (task: BenchTask) => void;
}

/**
 * Yields one row per task of `input`, in task order. Throws InputError when
 * the input file is bad.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PLACERS, SCHEDULERS } from "../solver/registry.ts";
 * import { pathInputs } from "./inputs.ts";
 * import { benchTasks } from "./matrix.ts";
 * const [input] = await pathInputs(["testdata/graphs/tiny.json"]);
 * const tasks = benchTasks(input, { schedulers: ["greedy"], placers: ["greedy-size"], timeLimit: 60, seed: 1 });
 * const tables = { schedulers: SCHEDULERS, placers: PLACERS };
 * const arenas: number[] = [];
 * for await (const row of runInput(input, tasks, { tables })) arenas.push(row.arena!);
 * assert.deepEqual(arenas, [2097152, 22, 22]); // pytorch reserves a 2 MiB segment
 * ```
 */
export async function* runInput(
  input: BenchInput,
  tasks: readonly BenchTask[],
  options: RunInputOptions,
): AsyncGenerator<BenchRow> {
  if (tasks.length === 0) return;
  // The previous input is garbage now; its memory must not count against this one.
  collectGarbage();
  if (input.kind === "verify-speed") {
    for (const task of tasks) {
      options.onTask?.(task);
      yield await runVerifySpeed(task);
    }
    return;
  }
  if (input.kind === "csv") {
    const problem = await loadMinimallocCsv(input.path!);
    for (const task of tasks) {
      options.onTask?.(task);
      yield await runCsvTask(problem, task, options.tables);
    }
    return;
  }
  const g = input.kind === "random"
    ? indexGraph(randomTrainingGraph({ tensors: input.tensors!, seed: input.seed ?? 1 }))
    : await loadGraph(input.path!);
  const ctx = graphContext(g, { tables: options.tables, boundTimeLimit: options.boundTimeLimit });
  for (const task of tasks) {
    options.onTask?.(task);
    if (g.tensorCount >= COLLECT_EVERY_RUN_TENSORS) collectGarbage();
    yield await runGraphTask(ctx, task);
  }
}

async function runVerifySpeed(task: BenchTask): Promise<BenchRow> {
  const r = await verifySpeed({ tensors: task.input.tensors!, seed: task.input.seed });
  return taskRow(task, {
    size: r.tensors,
    ops: r.ops,
    status: r.ok ? "ok" : "invalid",
    peakLive: r.peakLive,
    arena: r.arena,
    seconds: r.verifySeconds,
    verifySeconds: r.verifySeconds,
    parseSeconds: r.parseSeconds,
    peakRssMiB: r.peakRssMiB,
    verified: r.ok,
    violationCount: r.violationCount,
  });
}
