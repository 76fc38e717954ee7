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
import { countingOrder, countingOrderAscending } from "./_buffer_order.ts";
import { problemColumns } from "../../graph/problem_columns.ts";
import { FreeGaps } from "./_free_gaps.ts";
import { fresh, type Scratch } from "../../graph/scratch.ts";

/** A problem's `lower`, `upper` and `size` by buffer (graph/problem_columns.ts). */
type BufferColumns = ReturnType<typeof problemColumns>;

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
export function isStartOrdered(
  problem: PlacementProblem,
  order: ArrayLike<number>,
  columns: BufferColumns = problemColumns(problem),
): boolean {
  const { lower, size } = columns;
  let last = -Infinity;
  for (let i = 0; i < order.length; i++) {
    const b = order[i];
    if (size[b] === 0) continue;
    if (lower[b] < last) return false;
    last = lower[b];
  }
  return true;
}

/**
 * Places the positive-size buffers of a start-ordered `order` at the lowest
 * aligned gap among the live ones (what `placeInOrder` computes for first fit,
 * faster). Writes `offsets`; returns the arena. Footprints are sizes rounded up
 * to `align`, as in the general core. `columns` are the problem's, when the
 * caller has them already; the sweep's arrays come from `mem` when given
 * (graph/scratch.ts).
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
  columns: BufferColumns = problemColumns(problem),
  mem: Scratch = fresh,
): number {
  const { lower, size } = columns;
  const gaps = new FreeGaps(1024);
  gaps.insert(0, Infinity);
  const byEnd = endOrder(columns, mem);
  if (byEnd === undefined) return sweepWithHeap(columns, order, align, offsets, gaps);
  // Buffers leave in order of `upper`, known in advance: a pointer into that
  // order replaces a heap of the live ones (a quarter of the sweep's time).
  // Their uppers are copied in that order, so the test that stops the
  // pointer reads memory in sequence.
  const m = byEnd.length;
  const endAt = mem.float64(m, false);
  for (let k = 0; k < m; k++) endAt[k] = columns.upper[byEnd[k]];
  const placed = mem.uint8(size.length);
  let arena = 0, next = 0;
  for (let i = 0; i < order.length; i++) {
    const b = order[i];
    const at = lower[b], bytes = size[b];
    if (bytes === 0) continue;
    // Half-open lifespans: a buffer ending at `at` no longer conflicts.
    // Every buffer ending by then started before `at`: it is placed, or
    // not in `order` at all.
    for (; next < m && endAt[next] <= at; next++) {
      const d = byEnd[next];
      if (placed[d]) gaps.release(offsets[d], footprint(size[d], align));
    }
    const y = gaps.allocLowest(footprint(bytes, align));
    offsets[b] = y;
    placed[b] = 1;
    if (y + bytes > arena) arena = y + bytes;
  }
  return arena;
}

/**
 * The positive-size buffers by `upper`, when the uppers are step numbers
 * (counted, not sorted) and every such lifespan is non-empty; else undefined.
 */
function endOrder(columns: BufferColumns, mem: Scratch): Int32Array | undefined {
  const { lower, upper, size } = columns;
  const n = size.length;
  for (let i = 0; i < n; i++) {
    // A lifespan ending where it starts would leave before it is placed.
    if (size[i] !== 0 && !(upper[i] > lower[i])) return undefined;
  }
  // Step numbers (the usual times): counted straight from the columns.
  const counted = countingOrderAscending(upper, size, mem);
  if (counted) return counted;
  const key = new Float64Array(n);
  const index = new Int32Array(n);
  let m = 0;
  for (let i = 0; i < n; i++) {
    if (size[i] === 0) continue;
    index[m] = i;
    key[m++] = -upper[i];
  }
  const order = countingOrder(m, key);
  if (order === undefined) return undefined;
  // order holds positions among the positive-size buffers: map them back.
  for (let k = 0; k < m; k++) order[k] = index[order[k]];
  return order;
}

/** The sweep for any times: the live buffers in a heap by `upper`. */
function sweepWithHeap(
  columns: BufferColumns,
  order: ArrayLike<number>,
  align: number,
  offsets: Float64Array,
  gaps: FreeGaps,
): number {
  const { lower, upper, size } = columns;
  const alive = new MinHeap(1024); // by upper: the next buffer to die on top
  let arena = 0;
  for (let i = 0; i < order.length; i++) {
    const b = order[i];
    const bytes = size[b];
    if (bytes === 0) continue;
    while (alive.size > 0 && alive.minKey1 <= lower[b]) {
      const d = alive.pop();
      gaps.release(offsets[d], footprint(size[d], align));
    }
    const y = gaps.allocLowest(footprint(bytes, align));
    offsets[b] = y;
    alive.push(b, upper[b], 0);
    if (y + bytes > arena) arena = y + bytes;
  }
  return arena;
}

function footprint(size: number, align: number): number {
  return Math.ceil(size / align) * align;
}
