/**
 * Test support: exhaustive answers for tiny buffer problems, written without
 * any of the search's reasoning (no canonical forms, no inference) so that it
 * can judge it. Imported by tests only.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";

/**
 * Some placement within `capacity` found by trying every aligned offset
 * `0 … capacity − size` for each buffer in turn (skipping offsets that overlap
 * a conflicting buffer already placed), or undefined when none fits.
 * Exponential: for a handful of small buffers only.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 1, size: 2 }] };
 * assert.equal(bruteForcePlacement(problem, 1), undefined);
 * assert.deepEqual(bruteForcePlacement(problem, 2), Float64Array.of(0));
 * ```
 */
export function bruteForcePlacement(
  problem: PlacementProblem,
  capacity: number,
): Float64Array | undefined {
  const bs = problem.buffers, n = bs.length, align = problem.alignment ?? 1;
  const offsets = new Float64Array(n);
  const conflict = (i: number, j: number): boolean =>
    bs[i].size > 0 && bs[j].size > 0 && bs[i].lower < bs[j].upper && bs[j].lower < bs[i].upper;
  // Buffers with the most conflicts first, so that dead ends show early; the
  // enumeration stays exhaustive whatever the order.
  const degree = bs.map((_, i) => bs.filter((_, j) => j !== i && conflict(i, j)).length);
  const order = bs.map((_, i) => i).sort((a, b) => degree[b] - degree[a] || a - b);
  const fits = (k: number, o: number): boolean => {
    const i = order[k];
    for (let q = 0; q < k; q++) {
      const j = order[q];
      if (conflict(i, j) && o < offsets[j] + bs[j].size && offsets[j] < o + bs[i].size) {
        return false;
      }
    }
    return true;
  };
  const go = (k: number): boolean => {
    if (k === n) return true;
    const i = order[k];
    if (bs[i].size === 0) {
      offsets[i] = 0;
      return go(k + 1);
    }
    for (let o = 0; o + bs[i].size <= capacity; o += align) {
      if (!fits(k, o)) continue;
      offsets[i] = o;
      if (go(k + 1)) return true;
    }
    return false;
  };
  return go(0) ? offsets : undefined;
}

/**
 * The smallest arena of any placement: the first capacity, counting up from
 * the most bytes live at one integer time, at which
 * {@linkcode bruteForcePlacement} finds one.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const optimum = bruteForceOptimum({ buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 2 },
 *   { id: "b", lower: 1, upper: 3, size: 3 },
 * ] });
 * assert.equal(optimum, 5);
 * ```
 */
export function bruteForceOptimum(problem: PlacementProblem): number {
  let h = 0;
  for (const t of new Set(problem.buffers.map((b) => b.lower))) {
    let live = 0;
    for (const b of problem.buffers) if (b.lower <= t && t < b.upper) live += b.size;
    h = Math.max(h, live);
  }
  while (bruteForcePlacement(problem, h) === undefined) h++;
  return h;
}
