/**
 * A naive pairwise verifier for fixed-lifetime placements (minimalloc CSV with
 * offsets), written from FORMAT.md §4 alone: the oracle `verifyPlacement` is
 * compared with, as the simulator is compared with `naiveVerify`.
 *
 * @module
 */
import type { PlacementProblem } from "../graph/types.ts";

/** What the pairwise check counts. */
export interface NaivePlacementVerdict {
  overlapPairs: number;
  misaligned: number;
  missingOffsets: number;
  outOfCapacity: number;
  peakLive: number;
  arena: number;
}

/**
 * Checks every pair of buffers: half-open lifespans that intersect and byte
 * ranges that intersect make an overlap. NaN offsets are missing.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const problem = { buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 },
 *   { id: "b", lower: 1, upper: 3, size: 4 },
 * ] };
 * assert.equal(naivePlacementCheck(problem, [0, 4]).overlapPairs, 0); // a valid placement
 * assert.equal(naivePlacementCheck(problem, [0, 2]).overlapPairs, 1);
 * ```
 */
export function naivePlacementCheck(
  problem: PlacementProblem,
  offsets: ArrayLike<number>,
  capacity = problem.capacity,
): NaivePlacementVerdict {
  const bs = problem.buffers;
  const align = problem.alignment ?? 1;
  let overlapPairs = 0, misaligned = 0, missingOffsets = 0, outOfCapacity = 0, arena = 0;
  for (let i = 0; i < bs.length; i++) {
    if (bs[i].size === 0) continue;
    const o = offsets[i];
    if (Number.isNaN(o)) {
      missingOffsets++;
      continue;
    }
    if (o % align !== 0) misaligned++;
    if (capacity !== undefined && o + bs[i].size > capacity) outOfCapacity++;
    arena = Math.max(arena, o + bs[i].size);
    for (let j = i + 1; j < bs.length; j++) {
      if (bs[j].size === 0 || Number.isNaN(offsets[j])) continue;
      const inTime = bs[i].lower < bs[j].upper && bs[j].lower < bs[i].upper;
      const inSpace = o < offsets[j] + bs[j].size && offsets[j] < o + bs[i].size;
      if (inTime && inSpace) overlapPairs++;
    }
  }
  let peakLive = 0;
  for (const b of bs) {
    // Live is largest at some buffer's lower end.
    let live = 0;
    for (const c of bs) if (c.lower <= b.lower && b.lower < c.upper) live += c.size;
    peakLive = Math.max(peakLive, live);
  }
  return { overlapPairs, misaligned, missingOffsets, outOfCapacity, peakLive, arena };
}
