/**
 * First fit for buffers taken in order of start time, as a sweep: when buffers
 * arrive by start time, the placed buffers a new one conflicts with are exactly
 * those still alive, so one address-ordered structure of free gaps, updated as
 * buffers die, answers every query. O(n log n), no search limit needed.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";
import { MinHeap } from "../_heap.ts";
import { FreeGaps } from "./_free_gaps.ts";

/**
 * True when the positive-size buffers of `order` come by non-decreasing `lower`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const problem = { buffers: [
 *   { id: "a", lower: 2, upper: 4, size: 4 },
 *   { id: "b", lower: 3, upper: 5, size: 4 },
 *   { id: "c", lower: 0, upper: 3, size: 4 },
 * ] };
 * assert.equal(isStartOrdered(problem, [2, 0, 1]), true);
 * assert.equal(isStartOrdered(problem, [0, 1, 2]), false);
 * ```
 */
export function isStartOrdered(problem: PlacementProblem, order: ArrayLike<number>): boolean {
  let last = -Infinity;
  for (let i = 0; i < order.length; i++) {
    const b = problem.buffers[order[i]];
    if (b.size === 0) continue;
    if (b.lower < last) return false;
    last = b.lower;
  }
  return true;
}

/**
 * Places the positive-size buffers of a start-ordered `order` at the lowest
 * aligned gap among the live ones (what `placeInOrder` computes for first fit,
 * faster). Writes `offsets`; returns the arena. Footprints are sizes rounded up
 * to `align`, as in the general core.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const problem = { buffers: [
 *   { id: "a", lower: 2, upper: 4, size: 4 },
 *   { id: "b", lower: 3, upper: 5, size: 4 },
 *   { id: "c", lower: 0, upper: 3, size: 4 },
 * ] };
 * // c at 0; a overlaps c in time, so above it; b starts when c has ended
 * const startOrder = [2, 0, 1];
 * const offsets = new Float64Array(problem.buffers.length);
 * const arena = firstFitSweep(problem, startOrder, 1, offsets);
 * assert.deepEqual([arena, offsets], [8, Float64Array.from([4, 0, 0])]);
 * ```
 */
export function firstFitSweep(
  problem: PlacementProblem,
  order: ArrayLike<number>,
  align: number,
  offsets: Float64Array,
): number {
  const bs = problem.buffers;
  const gaps = new FreeGaps(1024);
  gaps.insert(0, Infinity);
  const alive = new MinHeap(1024); // by upper: the next buffer to die on top
  let arena = 0;
  for (let i = 0; i < order.length; i++) {
    const b = order[i];
    const { lower, upper, size } = bs[b];
    if (size === 0) continue;
    // Half-open lifespans: a buffer ending at `lower` no longer conflicts.
    while (alive.size > 0 && alive.minKey1 <= lower) {
      const d = alive.pop();
      gaps.release(offsets[d], footprint(bs[d].size, align));
    }
    const len = footprint(size, align);
    const y = gaps.lowestFit(len);
    gaps.take(y, len);
    offsets[b] = y;
    alive.push(b, upper, 0);
    if (y + size > arena) arena = y + size;
  }
  return arena;
}

function footprint(size: number, align: number): number {
  return Math.ceil(size / align) * align;
}
