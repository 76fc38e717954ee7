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
 * forEachConflict(problem, (i, j) => { pairs.push([i, j]); return true; });
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
 * countConflicts(problem, 3000); // 6 for example.12
 * ```
 */
export function countConflicts(problem: PlacementProblem, cap = Infinity): number {
  let n = 0;
  forEachConflict(problem, () => ++n <= cap);
  return n;
}
