/**
 * The placement core every greedy placer shares: take buffers in a given order
 * and put each at the best position among the placed buffers it conflicts with.
 * Variants differ only in the order they feed it (and the gap policy).
 *
 * Complexity. M ≤ n is the number of distinct start times. A ConflictIndex
 * hands back O(log M) unions of address ranges whose combination is exactly
 * the ranges of the placed buffers that conflict with the new one; inserting a
 * buffer updates O(log M) unions (binary search and splice each). The search
 * walks the combined ranges in address order: best fit all of them up to the
 * top (or to a gap of exactly the right size), first fit until the window is
 * clear. A walk never visits more ranges than there are conflicting buffers
 * (touching buffers of one union merge), so one buffer costs
 * O(log M · log n + w · log log M), w ≤ conflicting buffers.
 *
 * That is still Θ(n) per buffer on dense problems: a training step keeps most
 * saved activations, weights and optimizer state alive at its peak, and after
 * greedy-by-size the buffers alive at any one time are scattered with
 * thousands of holes between them (measured: ~2,000 gaps at a single time on a
 * 30,000-buffer step). So a walk stops after `searchLimit` ranges, settling for
 * the best gap seen so far or, with none, the top of the conflicting buffers:
 * O(n log² n + n · searchLimit) overall, exact whenever no search reaches the
 * limit (the result reports how many did).
 *
 * First fit in order of start time needs none of this: the placed buffers a
 * new one conflicts with are then exactly those still alive, so a sweep with
 * one address-ordered gap structure answers each buffer in O(log n), exactly
 * (see _first_fit_sweep.ts); placeInOrder takes that path whenever it applies.
 *
 * Alignment: sizes are rounded up to a multiple of `alignment` for placement.
 * All range ends are then multiples of it, so every gap starts aligned, and
 * since offsets are aligned a buffer fits below another exactly when its
 * rounded size does: rounding loses nothing.
 *
 * @module
 */
import { countBelow, distinctSorted } from "../_sorted.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { bufferId, problemColumns } from "../../graph/problem_columns.ts";
import { ConflictIndex } from "./_conflict_index.ts";
import { CursorHeap } from "./_cursor_heap.ts";
import { firstFitSweep, isStartOrdered } from "./_first_fit_sweep.ts";
import type { IntervalUnion } from "./_interval_union.ts";

/**
 * `best-fit`: the smallest gap between conflicting buffers that fits (the lowest
 * of equal ones), else on top of them; `first-fit`: the lowest gap that fits.
 */
export type GapPolicy = "best-fit" | "first-fit";

/** Offsets (in the order of `problem.buffers`) and the arena they reach. */
export interface Placement {
  offsets: Float64Array;
  arena: number;
  /** Buffers whose search stopped at `searchLimit` (see {@linkcode PlaceInOrderOptions}). */
  truncated: number;
}

/** Options of {@linkcode placeInOrder}. */
export interface PlaceInOrderOptions {
  /**
   * Most address ranges one buffer's gap search may walk (best fit) or jump
   * (first fit) before settling: best fit then takes the best gap seen so far,
   * and either policy goes on top of the conflicting buffers if none fitted.
   * Default {@linkcode defaultSearchLimit} of the number of buffers; `Infinity`
   * for the exact policy always.
   */
  searchLimit?: number;
  /**
   * `performance.now()` past which to give up by throwing
   * {@linkcode PlacementDeadline} (looked at every 1,024 buffers); default none.
   */
  deadline?: number;
}

/**
 * Thrown by {@linkcode placeInOrder} when its `deadline` passes: a partial
 * placement is no placement, so there is nothing to return.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PlacementDeadline, placeInOrder } from "./_place_in_order.ts";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 1, size: 4 }] };
 * assert.throws(() => placeInOrder(problem, [0], "best-fit", { deadline: 0 }), PlacementDeadline);
 * ```
 */
export class PlacementDeadline extends Error {
  constructor() {
    super("placement stopped at its deadline");
    this.name = "PlacementDeadline";
  }
}

/**
 * The default search limit for `n` buffers: about 10^8 ranges walked in all
 * (a few seconds), but never fewer than 1,024 per buffer. Problems of up to
 * ~10^4 buffers are therefore searched exactly in practice; a million-buffer
 * problem gets 1,024 ranges per buffer, about a minute.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(defaultSearchLimit(1_000), 100000);
 * assert.equal(defaultSearchLimit(1_000_000), 1024);
 * ```
 */
export function defaultSearchLimit(n: number): number {
  return Math.max(1024, Math.floor(1e8 / Math.max(n, 1)));
}

/**
 * Places the buffers in `order` (indices into `problem.buffers`, each positive-size
 * buffer exactly once; zero-size buffers go to offset 0 wherever they appear).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const problem = { buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 },
 *   { id: "b", lower: 1, upper: 3, size: 4 },
 * ] };
 * assert.deepEqual(placeInOrder(problem, [0, 1], "best-fit"), {
 *   offsets: Float64Array.from([0, 4]),
 *   arena: 8,
 *   truncated: 0,
 * });
 * ```
 */
export function placeInOrder(
  problem: PlacementProblem,
  order: ArrayLike<number>,
  policy: GapPolicy,
  options: PlaceInOrderOptions = {},
): Placement {
  // From the columns (a problem read into them keeps them).
  const columns = problemColumns(problem);
  const { lower: lowers, upper: uppers, size: sizes } = columns;
  const n = sizes.length;
  const align = checkedAlignment(problem);
  checkPermutation(problem, sizes, order);
  if (policy === "first-fit" && isStartOrdered(problem, order, columns)) {
    const offsets = new Float64Array(n);
    return { offsets, arena: firstFitSweep(problem, order, align, offsets, columns), truncated: 0 };
  }
  const points = startPoints(lowers, sizes);
  const index = new ConflictIndex(points.length);
  const offsets = new Float64Array(n);
  const searchLimit = options.searchLimit ?? defaultSearchLimit(n);
  const heap = new CursorHeap();
  let arena = 0;
  const stats = { truncated: 0 };
  const deadline = options.deadline ?? Infinity;
  for (let i = 0; i < order.length; i++) {
    if ((i & 1023) === 0 && deadline < Infinity && performance.now() > deadline) {
      throw new PlacementDeadline();
    }
    const b = order[i];
    const lower = lowers[b], upper = uppers[b], size = sizes[b];
    if (size === 0) continue;
    const from = countBelow(points, lower), to = countBelow(points, upper);
    const footprint = Math.ceil(size / align) * align;
    const sets = index.query(from, to);
    const y = policy === "first-fit"
      ? lowestFit(sets, footprint, searchLimit, stats)
      : bestFit(sets, footprint, searchLimit, heap, stats);
    offsets[b] = y;
    index.insert(from, to, y, y + footprint);
    if (y + size > arena) arena = y + size;
  }
  return { offsets, arena, truncated: stats.truncated };
}

/**
 * The problem's alignment (default 1); throws unless it is a positive integer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(checkedAlignment({ buffers: [], alignment: 64 }), 64);
 * assert.throws(() => checkedAlignment({ buffers: [], alignment: 0.5 }));
 * ```
 */
export function checkedAlignment(problem: PlacementProblem): number {
  const align = problem.alignment ?? 1;
  if (!(Number.isSafeInteger(align) && align >= 1)) {
    throw new Error(`alignment must be a positive integer, got ${align}`);
  }
  return align;
}

/** Throws unless `order` holds every positive-size buffer once (and nothing else twice). */
function checkPermutation(
  problem: PlacementProblem,
  sizes: Float64Array,
  order: ArrayLike<number>,
): void {
  const placed = new Uint8Array(sizes.length);
  let count = 0, positive = 0;
  for (let i = 0; i < order.length; i++) {
    const b = order[i];
    if (placed[b]) {
      throw new Error(`buffer ${bufferId(problem, b)} appears twice in the placement order`);
    }
    placed[b] = 1;
    if (sizes[b] > 0) count++;
  }
  for (let b = 0; b < sizes.length; b++) if (sizes[b] > 0) positive++;
  if (count !== positive) {
    throw new Error(`the placement order holds ${count} of ${positive} buffers of positive size`);
  }
}

/** Sorted distinct `lower` values of the positive-size buffers. */
function startPoints(lowers: Float64Array, sizes: Float64Array): Float64Array {
  const starts: number[] = [];
  for (let b = 0; b < sizes.length; b++) if (sizes[b] > 0) starts.push(lowers[b]);
  return distinctSorted(starts);
}

/** Counts searches stopped by their limit. */
interface SearchStats {
  truncated: number;
}

/**
 * The lowest `y` with `[y, y + len)` free in every set: jump past whatever
 * blocks the window until a full round of the sets finds nothing in the way.
 * After `limit` jumps, goes on top of the sets.
 */
function lowestFit(sets: IntervalUnion[], len: number, limit: number, stats: SearchStats): number {
  const k = sets.length;
  let y = 0, jumps = 0;
  for (let i = 0, clear = 0; clear < k;) {
    const e = sets[i].blockingEnd(y, len);
    if (e >= 0) {
      if (++jumps > limit) {
        stats.truncated++;
        return topOf(sets);
      }
      y = e; // the same set may block again above `e`: look at it once more
      clear = 0;
    } else {
      clear++;
      i = i + 1 === k ? 0 : i + 1;
    }
  }
  return y;
}

/**
 * The lowest of the smallest gaps of the combined sets that holds `len`, else
 * the top of the combined sets. Merges the sets' ranges in address order with a
 * small heap of one cursor per set; stops early at a gap of exactly `len`.
 * After `limit` ranges, settles for the best gap seen so far, or the top of the
 * sets if none fitted.
 */
function bestFit(
  sets: IntervalUnion[],
  len: number,
  limit: number,
  heap: CursorHeap,
  stats: SearchStats,
): number {
  heap.reset(sets);
  let cover = 0; // everything below is taken or already considered
  let best = -1, bestSize = Infinity;
  for (let steps = 0; heap.size > 0; steps++) {
    if (steps === limit) {
      stats.truncated++;
      return best >= 0 ? best : topOf(sets);
    }
    const start = heap.minStart, end = heap.minEnd;
    if (start > cover) {
      const gap = start - cover;
      if (gap >= len && gap < bestSize) {
        best = cover;
        bestSize = gap;
        if (gap === len) return best;
      }
    }
    if (end > cover) cover = end;
    heap.advance();
  }
  return best >= 0 ? best : cover;
}

/** The top of the combined sets: the lowest position above every range. */
function topOf(sets: IntervalUnion[]): number {
  let top = 0;
  for (const s of sets) if (s.count > 0 && s.end(s.count - 1) > top) top = s.end(s.count - 1);
  return top;
}
