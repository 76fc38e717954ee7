/**
 * Pairs of buffers whose lifespans intersect, found by a sweep over the
 * lifespans sorted by start: O(n log n + pairs), never an all-pairs loop.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";

/**
 * Calls `visit(i, j)` once for every pair of positive-size buffers whose
 * half-open lifespans intersect (`i` starts no later than `j`); stops early,
 * returning false, when `visit` returns false.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const problem = { buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 },
 *   { id: "b", lower: 1, upper: 3, size: 4 },
 *   { id: "c", lower: 2, upper: 4, size: 4 },
 * ] };
 * const pairs: [number, number][] = [];
 * forEachConflict(problem, (i, j) => { pairs.push([i, j]); return true; });
 * assert.deepEqual(pairs, [[0, 1], [1, 2]]);
 * ```
 */
export function forEachConflict(
  problem: PlacementProblem,
  visit: (i: number, j: number) => boolean,
): boolean {
  const bs = problem.buffers;
  const byLower = [...bs.keys()].filter((i) => bs[i].size > 0).sort((x, y) =>
    bs[x].lower - bs[y].lower || x - y
  );
  let active: number[] = [];
  for (const j of byLower) {
    active = active.filter((i) => bs[i].upper > bs[j].lower);
    for (const i of active) if (!visit(i, j)) return false;
    active.push(j);
  }
  return true;
}

/**
 * The number of conflicting pairs, counting no further than `cap`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * assert.equal(countConflicts(problem, 3000), 6);
 * ```
 */
export function countConflicts(problem: PlacementProblem, cap = Infinity): number {
  let n = 0;
  forEachConflict(problem, () => ++n <= cap);
  return n;
}
