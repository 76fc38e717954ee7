/**
 * Checking a placement that differs from a valid one in a few buffers.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";
import { forEachConflict } from "./_conflicts.ts";

/**
 * Whether `offsets`, which differ from the valid placement `before` only in
 * some buffers, is valid: those buffers are checked against every other
 * buffer alive with them, O(moved × buffers), where checking every pair in
 * conflict took 0.1–0.6 s a sub-problem at 20,000 buffers (overrunning the
 * time limit); when most buffers moved (the whole model), the pairs.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const problem = { buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 },
 *   { id: "b", lower: 1, upper: 3, size: 4 },
 * ] };
 * const before = Float64Array.of(0, 4);
 * assert.equal(isValidChange(problem, before, Float64Array.of(4, 0)), true);
 * assert.equal(isValidChange(problem, before, Float64Array.of(2, 4)), false);
 * ```
 */
export function isValidChange(
  problem: PlacementProblem,
  before: Float64Array,
  offsets: Float64Array,
): boolean {
  const bs = problem.buffers, n = bs.length, align = problem.alignment ?? 1;
  const moved: number[] = [];
  for (let i = 0; i < n; i++) {
    const o = offsets[i];
    if (bs[i].size === 0 || o === before[i]) continue;
    if (!(Number.isSafeInteger(o) && o >= 0 && o % align === 0)) return false;
    moved.push(i);
  }
  const apart = (i: number, j: number) =>
    offsets[i] + bs[i].size <= offsets[j] || offsets[j] + bs[j].size <= offsets[i];
  if (4 * moved.length > n) return forEachConflict(problem, apart);
  for (const i of moved) {
    const { lower, upper } = bs[i];
    for (let j = 0; j < n; j++) {
      if (j === i || bs[j].size === 0 || bs[j].lower >= upper || lower >= bs[j].upper) continue;
      if (!apart(i, j)) return false;
    }
  }
  return true;
}
