/**
 * How much each buffer conflicts with the others, in bytes and in count,
 * without looking at pairs.
 *
 * @module
 */
import { countAtMost, countBelow } from "../_sorted.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { problemColumns } from "../../graph/problem_columns.ts";

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
  // From the columns (a problem read into them keeps them).
  const { lower: lo, upper: up, size: sz } = problemColumns(problem);
  const n = sz.length;
  const pos: number[] = [];
  for (let i = 0; i < n; i++) if (sz[i] > 0) pos.push(i);
  const byLower = Int32Array.from(pos).sort((a, b) => lo[a] - lo[b]);
  const byUpper = Int32Array.from(pos).sort((a, b) => up[a] - up[b]);
  const lowers = Float64Array.from(byLower, (i) => lo[i]);
  const uppers = Float64Array.from(byUpper, (i) => up[i]);
  const lowerSum = prefixSums(byLower, sz), upperSum = prefixSums(byUpper, sz);
  const bytes = new Float64Array(n), degree = new Float64Array(n);
  for (const i of pos) {
    const startBefore = countBelow(lowers, up[i]); // lower_j < upper
    const endBy = countAtMost(uppers, lo[i]); // upper_j <= lower
    bytes[i] = lowerSum[startBefore] - upperSum[endBy] - sz[i];
    degree[i] = startBefore - endBy - 1;
  }
  return { bytes, degree };
}

function prefixSums(order: Int32Array, size: Float64Array): Float64Array {
  const s = new Float64Array(order.length + 1);
  for (let k = 0; k < order.length; k++) s[k + 1] = s[k] + size[order[k]];
  return s;
}
