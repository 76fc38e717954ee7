/**
 * One run on a fixed-lifetime buffer problem (minimalloc CSV): the placing
 * workflow of the pipeline (a placer, then the placement verifier).
 *
 * @module
 */
import type { PlacementProblem } from "../graph/types.ts";
import { placeVerified } from "../pipeline/place_verified.ts";
import type { BenchTask, PlannerTables } from "./matrix.ts";
import { measure } from "./measure.ts";
import { type BenchRow, taskRow } from "./record.ts";

/**
 * Places `problem` with the task's placer under the input's capacity (from the
 * file name) and verifies it. Over capacity is not a failed verification (it
 * is `fits: false`, and the placer's status says why); an overlap or a
 * missing or misaligned offset is.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PLACERS, SCHEDULERS } from "../solver/registry.ts";
 * import { benchTasks } from "./matrix.ts";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 2, size: 4 }, { id: "b", lower: 1, upper: 3, size: 4 }] };
 * const input = { id: "p.8.csv", suite: "paths", kind: "csv" as const, name: "p", capacity: 8 };
 * const [task] = benchTasks(input, { schedulers: [], placers: ["first-fit"], timeLimit: 5, seed: 1 });
 * const row = await runCsvTask(problem, task, { schedulers: SCHEDULERS, placers: PLACERS });
 * assert.equal(row.fits, true); // arena <= capacity
 * ```
 */
export async function runCsvTask(
  problem: PlacementProblem,
  task: BenchTask,
  tables: PlannerTables,
): Promise<BenchRow> {
  const capacity = task.input.capacity;
  const size = problem.buffers.length;
  const withCapacity = capacity !== undefined ? { capacity } : {};
  try {
    const placer = tables.placers[task.placer!];
    if (!placer) throw new Error(`unknown placer ${JSON.stringify(task.placer)}`);
    const timeLimit = task.options.timeLimit ?? 60;
    const run = await measure(() =>
      placeVerified(problem, { placer, timeLimit, seed: task.options.seed, capacity })
    );
    const r = run.value, check = r.check;
    return taskRow(task, {
      size,
      status: r.result.status,
      placeStatus: r.result.status,
      peakLive: check.peakLive,
      arena: check.arena,
      fragmentation: check.fragmentation,
      lowerBound: r.bound.bytes,
      lowerBoundKind: r.bound.kind,
      gap: r.gap,
      ...withCapacity,
      ...(capacity !== undefined ? { fits: r.fits } : {}),
      seconds: r.seconds,
      placeSeconds: r.seconds,
      verifySeconds: r.verifySeconds,
      overTimeLimit: r.seconds > timeLimit + 1,
      peakRssMiB: run.peakRssMiB,
      verified: r.plannerBugCount === 0,
      violationCount: r.plannerBugCount,
      ...(r.plannerBug.length ? { violation: r.plannerBug[0] } : {}),
    });
  } catch (e) {
    return taskRow(task, {
      size,
      ...withCapacity,
      status: "error",
      seconds: 0,
      peakRssMiB: 0,
      verified: false,
      error: (e as Error)?.message ?? String(e),
    });
  }
}
