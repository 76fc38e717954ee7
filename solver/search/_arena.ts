/**
 * The arena of a set of offsets, as FORMAT.md §5 defines it.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";

/**
 * Largest `offset + size` over the positive-size buffers (0 if none).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(arenaOf({ buffers: [{ id: "a", lower: 0, upper: 1, size: 4 }] }, Float64Array.of(8)), 12);
 * ```
 */
export function arenaOf(problem: PlacementProblem, offsets: ArrayLike<number>): number {
  let top = 0;
  const bs = problem.buffers;
  for (let i = 0; i < bs.length; i++) {
    if (bs[i].size > 0 && offsets[i] + bs[i].size > top) top = offsets[i] + bs[i].size;
  }
  return top;
}
