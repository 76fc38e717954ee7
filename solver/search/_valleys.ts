/**
 * Valleys, a pruning of the canonical search (_search_component.ts).
 *
 * Seen from the water level `x`, section `s` is at height `H(s) = max(h[s],
 * x)` (nothing starts below `x`). A valley is a maximal run of sections of
 * equal height `y` whose neighbours are higher, or crossed by no unplaced
 * buffer. What starts at `y` in a valley lies within it (a buffer crossing a
 * neighbour starts at or above it), and those buffers pairwise do not
 * conflict: they start at `y` over disjoint runs of sections. A section where
 * none does starts next no lower than the lower of the valley's walls (a
 * buffer crossing one) and `y` plus the smallest footprint a buffer covering
 * it could rest on (a buffer within it, which rests on another); where that
 * leaves too little room for what it still holds, a buffer must start at `y`
 * over it. So in every valley a disjoint set of candidates must cover all
 * such sections.
 *
 * The functions take the search's arrays in one object made once per search
 * (same arrays for its whole life), so a node allocates nothing.
 *
 * @module
 */

/** The search's per-section (and candidate list) arrays that valleys read and write. */
export interface ValleyArrays {
  /** Per section: top of the placed buffers. */
  h: Float64Array;
  /** Per section: footprints still to place (0: nothing unplaced covers it). */
  rem: Float64Array;
  /** Per section: smallest footprint an unplaced buffer covering it could rest on. */
  restOnIn: Float64Array;
  /** Per buffer: one past its last section. */
  end: Int32Array;
  /** Written: per section, the first section of its valley, or -1. */
  valley: Int32Array;
  /** Written: per section in a valley, its lowest start if nothing starts at the bottom. */
  low2: Float64Array;
  /** Per section: first candidate at the valley's bottom starting there (-1: none), chained by `next`. */
  head: Int32Array;
  next: Int32Array;
  /** Scratch: section boundaries reachable by disjoint candidates. */
  ok: Uint8Array;
}

/**
 * Labels each section of `[from, to)` (default `[lo, hi)`, the node's range;
 * `from` and `to` must fall between runs) with the first section of its
 * valley, or -1, sets `low2` there, and returns the number of valleys.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // Sections at heights 4, 0, 0, 4 with water level 0: one valley, sections 1-2.
 * const a = {
 *   h: Float64Array.of(4, 0, 0, 4), rem: Float64Array.of(1, 1, 1, 1),
 *   restOnIn: Float64Array.of(1, 1, 1, 1), end: new Int32Array(0),
 *   valley: new Int32Array(5), low2: new Float64Array(5),
 *   head: new Int32Array(5), next: new Int32Array(0), ok: new Uint8Array(5),
 * };
 * assert.equal(labelValleys(a, 0, 0, 4), 1);
 * assert.deepEqual([...a.valley.subarray(0, 4)], [-1, 1, 1, -1]);
 * assert.equal(a.low2[1], 1); // the bottom plus the smallest footprint to rest on
 * ```
 */
export function labelValleys(
  a: ValleyArrays,
  x: number,
  lo: number,
  hi: number,
  from = lo,
  to = hi,
): number {
  const { rem, h, valley, low2, restOnIn } = a;
  let valleys = 0;
  for (let s = from; s < to;) {
    if (rem[s] === 0) {
      valley[s++] = -1;
      continue;
    }
    const y = Math.max(h[s], x);
    let e = s + 1;
    while (e < to && rem[e] > 0 && Math.max(h[e], x) === y) e++;
    const left = s === lo || rem[s - 1] === 0 ? Infinity : h[s - 1];
    const right = e === hi || rem[e] === 0 ? Infinity : h[e];
    const walled = left > y && right > y, wall = Math.min(left, right);
    for (let t = s; t < e; t++) {
      valley[t] = walled ? s : -1;
      low2[t] = Math.min(wall, y + restOnIn[t]);
    }
    if (walled) valleys++;
    s = e;
  }
  return valleys;
}

/**
 * False when in some valley of `[from, to)` (default `[lo, hi)`) no disjoint set of candidates covers
 * every section that cannot afford to wait (a left-to-right pass over section
 * boundaries). Uses the labels and `low2` of {@linkcode labelValleys} and the
 * candidate lists `head`/`next` the search fills.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // The valley of labelValleys' example at capacity 4, with 4 bytes still to
 * // place in each section: neither can wait for a start at 1 (1 + 4 > 4).
 * const a = {
 *   h: Float64Array.of(4, 0, 0, 4), rem: Float64Array.of(1, 4, 4, 1),
 *   restOnIn: Float64Array.of(1, 1, 1, 1), end: Int32Array.of(3),
 *   valley: new Int32Array(5), low2: new Float64Array(5),
 *   head: Int32Array.of(-1, -1, -1, -1, -1), next: Int32Array.of(-1), ok: new Uint8Array(5),
 * };
 * labelValleys(a, 0, 0, 4);
 * assert.equal(valleysCover(a, 4, 0, 4), false); // no candidate at the bottom
 * a.head[1] = 0; // buffer 0 starts at the bottom over sections 1-2
 * assert.equal(valleysCover(a, 4, 0, 4), true);
 * ```
 */
export function valleysCover(
  a: ValleyArrays,
  capFp: number,
  lo: number,
  hi: number,
  from = lo,
  to = hi,
): boolean {
  const { end, rem, low2, head, next, ok, valley } = a;
  for (let s = from; s < to;) {
    const v = valley[s];
    if (v < 0) {
      s++;
      continue;
    }
    let e = s;
    while (e < to && valley[e] === v) e++;
    ok.fill(0, s, e + 1);
    ok[s] = 1;
    for (let t = s; t < e; t++) {
      if (ok[t] === 0) continue;
      if (capFp - low2[t] - rem[t] >= 0) ok[t + 1] = 1;
      for (let b = head[t]; b >= 0; b = next[b]) ok[end[b]] = 1;
    }
    if (ok[e] === 0) return false;
    s = e;
  }
  return true;
}

/**
 * The sections whose wells and valleys must be checked again after those of
 * `[from, to)` changed (their tops, or the reach of a buffer over them), the
 * rest having held before at the same level: one more on each side, for a
 * run's walls are its neighbours, then widened to whole runs of sections of
 * equal height seen from `x` (wells are such runs too). Written to `out[0]`
 * and `out[1]`, both `lo` when nothing is to check; clipped to `[lo, hi)`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // Heights 8, 0, 0, 8, 4, 4, 8 at level 0; section 4 changed: its run 4-5,
 * // and section 3, whose wall it is, are checked again (section 6's walls, 5
 * // and the end, did not change).
 * const a = { h: Float64Array.of(8, 0, 0, 8, 4, 4, 8), rem: new Float64Array(7).fill(1) };
 * const out = new Int32Array(2);
 * runsAround(a, 0, 0, 7, 4, 5, out);
 * assert.deepEqual([...out], [3, 6]);
 * runsAround(a, 0, 0, 7, 2, 3, out); // section 2: its run 1-2, and section 3
 * assert.deepEqual([...out], [1, 4]);
 * ```
 */
export function runsAround(
  a: Pick<ValleyArrays, "h" | "rem">,
  x: number,
  lo: number,
  hi: number,
  from: number,
  to: number,
  out: Int32Array,
): void {
  const { h, rem } = a;
  let s = from - 1 > lo ? from - 1 : lo, e = to + 1 < hi ? to + 1 : hi;
  if (s >= e) {
    out[0] = out[1] = lo;
    return;
  }
  if (rem[s] > 0) {
    const y = h[s] > x ? h[s] : x;
    while (s > lo && rem[s - 1] > 0 && (h[s - 1] > x ? h[s - 1] : x) === y) s--;
  }
  if (rem[e - 1] > 0) {
    const y = h[e - 1] > x ? h[e - 1] : x;
    while (e < hi && rem[e] > 0 && (h[e] > x ? h[e] : x) === y) e++;
  }
  out[0] = s;
  out[1] = e;
}
