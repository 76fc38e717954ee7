/**
 * One exact move of the repacking: re-solve, with the exact search, the
 * buffers living wholly inside a time window around a buffer at the top.
 *
 * The buffers that cross the window's edges stay where they are; inside the
 * window they become floors (per section, the highest top among them), on
 * which the search places the buffers of the window under a capacity one
 * byte below the current height. The floors give up the space under a
 * staying buffer, so a window can fail where a placement exists; but what
 * the search finds is valid by construction, and lowers every buffer of the
 * window below the top.
 *
 * Why: the greedy moves of repack_peak.ts put the lifted buffers back one by
 * one. Where the height is decided in many places at once (random
 * lifespans and sizes: bench/generators/random_intervals.ts), they left
 * placements 1–8% above peak live, while the exact search packs a few
 * hundred such buffers at peak live.
 *
 * @module
 */
import { countBelow } from "../_sorted.ts";
import { splitComponents } from "../search/_components.ts";
import { PartPortfolio } from "../search/_portfolio.ts";

/**
 * Runs of the search's portfolio a window gets (each within a node budget
 * that doubles by rounds): a count, not a time, so that a move's outcome is
 * the same on any machine (the deadline aside).
 */
const WINDOW_RUNS = 6;

/** Options of {@linkcode searchWindow}. */
export interface WindowOptions {
  /** Buffers to re-solve, about (the window grows around the top buffer until it holds them). */
  buffers: number;
  /** Every re-solved buffer must end at or below this. */
  capacity: number;
  alignment: number;
  /** `performance.now()` at which the search gives up (else after a few runs of the portfolio). */
  deadline: number;
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
  const inside = windowAround(lower, upper, size, top, options.buffers);
  const free: number[] = [];
  for (let i = 0; i < n; i++) {
    if (size[i] > 0 && lower[i] >= inside.from && upper[i] <= inside.to) free.push(i);
  }
  const sub = {
    buffers: free.map((i) => ({ id: "", lower: lower[i], upper: upper[i], size: size[i] })),
    alignment: options.alignment,
  };
  const points = distinctPoints(free, lower, upper);
  const isFree = new Uint8Array(n);
  for (const i of free) isFree[i] = 1;
  const align = options.alignment;
  const moved: number[] = [], placedAt: number[] = [];
  for (const part of splitComponents(sub)) {
    // Only the parts holding a buffer at the top need to come down.
    let high = false;
    for (const k of part.ids) if (offsets[free[k]] + size[free[k]] > options.capacity) high = true;
    if (!high) continue;
    const base = countBelow(points, lower[free[part.ids[0]]]);
    const from = points[base], to = points[base + part.sectionCount];
    const floors = new Float64Array(part.sectionCount);
    for (let j = 0; j < n; j++) {
      if (isFree[j] || size[j] === 0 || lower[j] >= to || upper[j] <= from) continue;
      const a = Math.max(0, countBelow(points, lower[j] + 0.5) - 1 - base);
      const b = Math.min(part.sectionCount, countBelow(points, upper[j]) - base);
      const t = Math.ceil((offsets[j] + size[j]) / align) * align;
      for (let s = a; s < b; s++) if (floors[s] < t) floors[s] = t;
    }
    const r = new PartPortfolio({ ...part, floors }, {
      capacity: options.capacity,
      alignment: align,
      deadline: options.deadline,
    }).run(options.deadline, WINDOW_RUNS);
    if (r?.outcome !== "found") return undefined;
    part.ids.forEach((k, local) => {
      moved.push(free[k]);
      placedAt.push(r.offsets[local]);
    });
  }
  return moved.length > 0 ? { moved, offsets: placedAt } : undefined;
}

/**
 * A time window `[from, to)` around buffer `top` holding about `buffers`
 * whole lifespans: grown from `top`'s own lifespan by the lifespans that
 * start or end nearest to it, one side then the other.
 */
function windowAround(
  lower: Float64Array,
  upper: Float64Array,
  size: Float64Array,
  top: number,
  buffers: number,
): { from: number; to: number } {
  // The edges it can take: every lower below `top`'s, every upper above its.
  const lows: number[] = [], highs: number[] = [];
  for (let i = 0; i < size.length; i++) {
    if (size[i] === 0) continue;
    if (lower[i] < lower[top]) lows.push(lower[i]);
    if (upper[i] > upper[top]) highs.push(upper[i]);
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

/** The distinct lowers and uppers of `ids`, in order (the sections' edges, as splitComponents makes them). */
function distinctPoints(ids: number[], lower: Float64Array, upper: Float64Array): Float64Array {
  const p = new Float64Array(2 * ids.length);
  ids.forEach((i, k) => {
    p[2 * k] = lower[i];
    p[2 * k + 1] = upper[i];
  });
  p.sort();
  let m = 0;
  for (let i = 0; i < p.length; i++) if (i === 0 || p[i] !== p[i - 1]) p[m++] = p[i];
  return p.subarray(0, m);
}
