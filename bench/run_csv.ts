/**
 * One run on a fixed-lifetime buffer problem (minimalloc CSV): a placer, then
 * the placement verifier, which shares no code with the placers.
 *
 * @module
 */
import type { PlacementProblem } from "../graph/types.ts";
import { verifyPlacement } from "../simulator/verify_placement.ts";
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
 * const row = await runCsvTask(problem, task, { schedulers: SCHEDULERS, placers: PLACERS });
 * row.fits; // arena <= capacity
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
    const placed = await measure(() =>
      placer.place(problem, { timeLimit, seed: task.options.seed, ...withCapacity })
    );
    const verify = await measure(() =>
      verifyPlacement(problem, placed.value.offsets, withCapacity)
    );
    const r = verify.value;
    const broken = r.violations.filter((v) => v.kind !== "out_of_capacity");
    const brokenCount = r.violationCount - (r.violationsByKind.out_of_capacity ?? 0);
    return taskRow(task, {
      size,
      status: placed.value.status,
      placeStatus: placed.value.status,
      peakLive: r.peakLive,
      arena: r.arena,
      fragmentation: r.fragmentation,
      lowerBound: r.peakLive,
      lowerBoundKind: "peak-live",
      gap: r.arena ? (r.arena - r.peakLive) / r.arena : 0,
      ...withCapacity,
      ...(capacity !== undefined ? { fits: r.arena <= capacity } : {}),
      seconds: placed.seconds,
      placeSeconds: placed.seconds,
      verifySeconds: verify.seconds,
      overTimeLimit: placed.seconds > timeLimit + 1,
      peakRssMiB: Math.max(placed.peakRssMiB, verify.peakRssMiB),
      verified: brokenCount === 0,
      violationCount: brokenCount,
      ...(broken.length ? { violation: broken[0] } : {}),
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
