/**
 * How much each buffer conflicts with the others, in bytes and in count,
 * without looking at pairs.
 *
 * @module
 */
import { countAtMost, countBelow } from "../_sorted.ts";
import type { PlacementProblem } from "../../graph/types.ts";

/** Per buffer: total size of the other buffers it conflicts with, and their number. */
export interface ConflictWeights {
  bytes: Float64Array;
  degree: Float64Array;
}

/**
 * A buffer `[l, u)` conflicts with every positive-size buffer that starts
 * before `u`, except those that end by `l` (which all start before `u` too),
 * and except itself. Two sorted lists and prefix sums: O(n log n). Zero-size
 * buffers conflict with nothing.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const w = conflictWeights({ buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 },
 *   { id: "b", lower: 1, upper: 3, size: 8 },
 *   { id: "c", lower: 2, upper: 3, size: 1 },
 * ] });
 * assert.deepEqual(w.bytes, Float64Array.from([8, 5, 8]));
 * ```
 */
export function conflictWeights(problem: PlacementProblem): ConflictWeights {
  const bs = problem.buffers;
  const n = bs.length;
  const pos: number[] = [];
  for (let i = 0; i < n; i++) if (bs[i].size > 0) pos.push(i);
  const byLower = Int32Array.from(pos).sort((a, b) => bs[a].lower - bs[b].lower);
  const byUpper = Int32Array.from(pos).sort((a, b) => bs[a].upper - bs[b].upper);
  const lowers = Float64Array.from(byLower, (i) => bs[i].lower);
  const uppers = Float64Array.from(byUpper, (i) => bs[i].upper);
  const lowerSum = prefixSums(byLower, bs), upperSum = prefixSums(byUpper, bs);
  const bytes = new Float64Array(n), degree = new Float64Array(n);
  for (const i of pos) {
    const { lower, upper, size } = bs[i];
    const startBefore = countBelow(lowers, upper); // lower_j < upper
    const endBy = countAtMost(uppers, lower); // upper_j <= lower
    bytes[i] = lowerSum[startBefore] - upperSum[endBy] - size;
    degree[i] = startBefore - endBy - 1;
  }
  return { bytes, degree };
}

function prefixSums(order: Int32Array, bs: PlacementProblem["buffers"]): Float64Array {
  const s = new Float64Array(order.length + 1);
  for (let k = 0; k < order.length; k++) s[k + 1] = s[k] + bs[order[k]].size;
  return s;
}
