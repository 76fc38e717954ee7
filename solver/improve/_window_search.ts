/**
 * One exact move of the repacking: re-solve, with the exact search, the
 * buffers living wholly inside a time window around a buffer at the top.
 *
 * The buffers that cross the window's edges stay where they are: the search
 * takes them pinned at their offsets (Component.pinned), and places the
 * buffers of the window around them, under a capacity one byte below the
 * current height. What it finds is valid by construction and lowers every
 * buffer of the window below the top.
 *
 * Why: the greedy moves of repack_peak.ts put the lifted buffers back one by
 * one. Where the height is decided in many places at once (random
 * lifespans and sizes: bench/generators/random_intervals.ts), they left
 * placements 1–8% above peak live, while the exact search packs a few
 * hundred such buffers at peak live.
 *
 * @module
 */
import { splitComponents } from "../search/_components.ts";
import { PartPortfolio } from "../search/_portfolio.ts";

/**
 * Runs of the search's portfolio a window gets (each within a node budget
 * that doubles by rounds): a count, not a time, so that a move's outcome is
 * the same on any machine (the deadline aside).
 */
const WINDOW_RUNS = 6;

/** Most buffers in a window, pinned ones included (else the window is given up). */
const MAX_MEMBERS = 3000;

/** Options of {@linkcode searchWindow}. */
export interface WindowOptions {
  /** Buffers to re-solve, about (the window grows around the top buffer until it holds them). */
  buffers: number;
  /** Every re-solved buffer must end at or below this. */
  capacity: number;
  alignment: number;
  /** `performance.now()` at which the search gives up (else after a few runs of the portfolio). */
  deadline: number;
  /**
   * The floor of the band re-solved: buffers lying above it may move, those
   * crossing it stay, those below it are left out (the search works in the
   * band alone, so a window can span more time for the same work). Default
   * 0: the whole height.
   */
  level?: number;
  /** Runs of the search's portfolio; default a few. */
  runs?: number;
}

/** The buffers a window moved and their new offsets. */
export interface WindowMove {
  moved: number[];
  offsets: number[];
}

/**
 * Re-solves the window around buffer `top` of a placement (`lower`, `upper`,
 * `size` and `offsets` by buffer; `size` 0 for buffers that take no
 * memory). Undefined when the search finds nothing in time.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // Buffer 2 (3..4) sits at 4 on nothing; buffer 1 (1..4, at 0) keeps its place.
 * const lower = Float64Array.from([0, 1, 3]), upper = Float64Array.from([1, 4, 4]);
 * const size = Float64Array.from([4, 2, 4]), offsets = Float64Array.from([0, 0, 4]);
 * const move = searchWindow({ lower, upper, size, offsets }, 2, {
 *   buffers: 2, capacity: 7, alignment: 1, deadline: Infinity,
 * })!;
 * // Buffer 1 crosses no edge of the window 0..4 either: both re-solved, under 7.
 * assert.deepEqual(move.moved.sort(), [1, 2]);
 * assert.ok(move.moved.every((i, k) => move.offsets[k] + size[i] <= 7));
 * ```
 */
export function searchWindow(
  at: { lower: Float64Array; upper: Float64Array; size: Float64Array; offsets: Float64Array },
  top: number,
  options: WindowOptions,
): WindowMove | undefined {
  const { lower, upper, size, offsets } = at;
  const n = size.length;
  const capacity = options.capacity, align = options.alignment;
  // The band [level, capacity): offsets are searched relative to its floor.
  const level = Math.min(Math.floor((options.level ?? 0) / align) * align, offsets[top]);
  const inBand = (i: number) =>
    size[i] > 0 && offsets[i] < capacity && offsets[i] + size[i] > level;
  const { from, to } = windowAround(lower, upper, inBand, top, options.buffers);
  // The window's buffers: free when their whole lifespan lies inside and
  // they lie above the band's floor; else pinned where they are, cut to the
  // window and to the band (what lies outside it is out of every free
  // buffer's way).
  const ids: number[] = [], pins: number[] = [], sizes: number[] = [];
  for (let i = 0; i < n; i++) {
    if (!inBand(i) || lower[i] >= to || upper[i] <= from) continue;
    const free = lower[i] >= from && upper[i] <= to && offsets[i] >= level;
    const bottom = Math.max(offsets[i], level);
    ids.push(i);
    pins.push(free ? NaN : bottom - level);
    sizes.push(free ? size[i] : Math.min(offsets[i] + size[i], capacity) - bottom);
  }
  // Long-lived buffers cross every window (a training step's saved
  // activations): past a few thousand the search's set-up alone, which no
  // deadline cuts short, costs more than a window is worth.
  if (ids.length > MAX_MEMBERS) return undefined;
  const sub = {
    buffers: ids.map((i, k) => ({
      id: "",
      lower: Math.max(lower[i], from),
      upper: Math.min(upper[i], to),
      size: sizes[k],
    })),
    alignment: align,
  };
  const moved: number[] = [], placedAt: number[] = [];
  for (const part of splitComponents(sub)) {
    // Only the parts holding a free buffer above the capacity need to come down.
    let high = false;
    for (const k of part.ids) {
      if (Number.isNaN(pins[k]) && offsets[ids[k]] + size[ids[k]] > capacity) high = true;
    }
    if (!high) continue;
    const pinned = Float64Array.from(part.ids, (k) => pins[k]);
    const r = new PartPortfolio({ ...part, pinned }, {
      capacity: capacity - level,
      alignment: align,
      deadline: options.deadline,
    }).run(options.deadline, options.runs ?? WINDOW_RUNS);
    if (r?.outcome !== "found") return undefined;
    part.ids.forEach((k, local) => {
      if (!Number.isNaN(pins[k])) return;
      moved.push(ids[k]);
      placedAt.push(level + r.offsets[local]);
    });
  }
  return moved.length > 0 ? { moved, offsets: placedAt } : undefined;
}

/**
 * A time window `[from, to)` around buffer `top` holding about `buffers`
 * whole lifespans of the buffers `counts` takes: grown from `top`'s own
 * lifespan by the lifespans that start or end nearest to it, one side then
 * the other.
 */
function windowAround(
  lower: Float64Array,
  upper: Float64Array,
  counts: (i: number) => boolean,
  top: number,
  buffers: number,
): { from: number; to: number } {
  // The edges it can take: the lowers below `top`'s, the uppers above its,
  // gathered within a reach that grows fourfold until each side has half
  // the window's worth (or all there is): at a million buffers, sorting
  // every edge for each window cost more than the window's search.
  const lt = lower[top], ut = upper[top];
  let lows: number[] = [], highs: number[] = [];
  for (let reach = Math.max(1, ut - lt);; reach *= 4) {
    lows = [];
    highs = [];
    let moreLow = false, moreHigh = false;
    for (let i = 0; i < lower.length; i++) {
      if (!counts(i)) continue;
      if (lower[i] < lt) {
        if (lower[i] >= lt - reach) lows.push(lower[i]);
        else moreLow = true;
      }
      if (upper[i] > ut) {
        if (upper[i] <= ut + reach) highs.push(upper[i]);
        else moreHigh = true;
      }
    }
    if ((!moreLow || lows.length >= buffers / 2) && (!moreHigh || highs.length >= buffers / 2)) {
      break;
    }
  }
  lows.sort((a, b) => b - a);
  highs.sort((a, b) => a - b);
  // Each step takes the next edge on one side: about one more whole lifespan a step.
  const k = Math.min(buffers, lows.length + highs.length);
  const left = Math.min(
    lows.length,
    Math.ceil(k / 2) + Math.max(0, Math.floor(k / 2) - highs.length),
  );
  const right = Math.min(highs.length, k - left);
  return {
    from: left > 0 ? lows[left - 1] : lower[top],
    to: right > 0 ? highs[right - 1] : upper[top],
  };
}
