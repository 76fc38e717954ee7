/**
 * Verification of a fixed-lifetime placement (a minimalloc CSV with offsets):
 * a compiler team's own plan, checked without a graph.
 *
 * @module
 */
import { arenaOf, fragmentation } from "../graph/metrics.ts";
import { problemPeakLive } from "../graph/placement_problem.ts";
import { bufferId, problemColumns } from "../graph/problem_columns.ts";
import type { PlacementProblem } from "../graph/types.ts";
import { problemSteps } from "../graph/problem_steps.ts";
import { outOfScratch, withScratch } from "../graph/scratch.ts";
import { lowerRanks } from "./lower_ranks.ts";
import { checkOverlaps } from "./overlap_check.ts";
import { type Violation, type ViolationKind, ViolationLog } from "./violations.ts";

/** The verdict on one placement. */
export interface PlacementReport {
  ok: boolean;
  buffers: number;
  violationCount: number;
  violationsByKind: Partial<Record<ViolationKind, number>>;
  violations: Violation[];
  peakLive: number;
  arena: number;
  fragmentation: number;
  capacity?: number;
}

/**
 * Checks offsets (one per buffer, NaN = missing) against a problem: alignment,
 * capacity, and no two buffers with intersecting lifespans sharing bytes.
 * Steps in violations are the problem's own time values.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseMinimallocCsv } from "../graph/minimalloc_csv.ts";
 * const problem = parseMinimallocCsv("id,lower,upper,size,offset\na,0,2,4,0\nb,1,3,4,4\n", "s.csv");
 * const report = verifyPlacement(problem, Float64Array.from(problem.buffers, (b) => b.offset ?? NaN));
 * assert.equal(report.ok, true);
 * assert.equal(verifyPlacement(problem, Float64Array.from([0, 2])).ok, false);
 * ```
 */
export function verifyPlacement(
  problem: PlacementProblem,
  offsets: Float64Array,
  options: { capacity?: number; violationCap?: number } = {},
): PlacementReport {
  // The judge's own scratch memory must not be what it judges.
  offsets = outOfScratch(offsets);
  const log = new ViolationLog(options.violationCap ?? 100);
  const capacity = options.capacity ?? problem.capacity;
  const align = problem.alignment ?? 1;
  // Typed columns: the problem's own when it was read into them (its buffer
  // objects are then never built), else copied from the objects once.
  const { size: sizes, lower } = problemColumns(problem);
  const n = sizes.length;
  const id = (i: number) => bufferId(problem, i);
  for (let i = 0; i < n; i++) {
    const o = offsets[i];
    if (sizes[i] === 0) continue;
    if (Number.isNaN(o)) log.add({ kind: "missing_offset", tensor: id(i) });
    // (With alignment 1, the same test without a floating-point remainder.)
    else if (align === 1 ? !Number.isInteger(o) : o % align !== 0) {
      log.add({ kind: "misaligned", tensor: id(i), offset: o, alignment: align });
    }
    if (capacity !== undefined && o + sizes[i] > capacity) {
      log.add({
        kind: "out_of_capacity",
        step: lower[i],
        tensor: id(i),
        range: [o, o + sizes[i]],
        capacity,
      });
    }
  }
  // Overlaps depend on the order of times only: counted on steps, reported in times.
  const steps = problemSteps(problem);
  // The sweep's arrays in scratch memory: at a million buffers 60 MB, whose
  // pages the file's bytes and the placer touched already (graph/scratch.ts).
  withScratch((mem) => {
    const { lowers, first, last } = lowerRanks(steps.lower, steps.upper, mem);
    const before = log.list.length;
    checkOverlaps(
      { first, last, offsets, sizes, ids: { at: id }, steps: lowers.length },
      log,
      mem,
    );
    for (let i = before; i < log.list.length; i++) {
      const v = log.list[i];
      if (v.kind === "overlap") {
        const step = lowers[v.step];
        v.step = steps.time === undefined ? step : steps.time[step];
      }
    }
  });
  const peakLive = problemPeakLive(problem);
  const arena = arenaOf(offsets, sizes);
  const report: PlacementReport = {
    ok: log.count === 0,
    buffers: n,
    violationCount: log.count,
    violationsByKind: log.countByKind,
    violations: log.list,
    peakLive,
    arena,
    fragmentation: fragmentation(arena, peakLive),
  };
  if (capacity !== undefined) report.capacity = capacity;
  return report;
}
