/**
 * Wells, a pruning of the canonical search (_search_component.ts).
 *
 * A maximal run of sections `[a, b)` at or below the water level `x` between
 * walls higher than `x` (or sections nothing unplaced covers, which no buffer
 * can cross) has its lowest wall at `W`. A buffer that reaches a wall starts
 * at or above it, so in every section of the run the space `[x, W)` is filled
 * only by buffers lying within the run, or wasted. The waste a section can
 * afford is the capacity minus its top minus what is still to place there.
 *
 * The search labels the wells, sums what lies within each in its own pass
 * over the unplaced buffers (by differences in `inside`), then checks them.
 * The arrays come in one object made once per search, so a node allocates
 * nothing.
 *
 * @module
 */

/** The search's per-section arrays that wells read and write. */
export interface WellArrays {
  /** Per section: top of the placed buffers. */
  h: Float64Array;
  /** Per section: footprints still to place (0: nothing unplaced covers it). */
  rem: Float64Array;
  /** Written: per section, its well's number, or -1. */
  well: Int32Array;
  /**
   * Per section boundary, by differences: footprints of unplaced buffers lying
   * within a well (+ at their first section, - at their end); summed in place
   * by {@linkcode wellsAfford}.
   */
  inside: Float64Array;
}

/**
 * Labels each section of `[from, to)` (default `[lo, hi)`, the node's range;
 * `from` and `to` must fall between runs) with its well, or -1, and returns
 * the number of wells.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const a = {
 *   h: Float64Array.of(8, 0, 2, 8, 0), rem: Float64Array.of(1, 1, 1, 1, 1),
 *   well: new Int32Array(6), inside: new Float64Array(6),
 * };
 * assert.equal(markWells(a, 2, 0, 5), 2); // sections 1-2 and section 4
 * assert.deepEqual([...a.well.subarray(0, 5)], [-1, 0, 0, -1, 1]);
 * ```
 */
export function markWells(
  a: WellArrays,
  x: number,
  lo: number,
  hi: number,
  from = lo,
  to = hi,
): number {
  const { h, rem, well } = a;
  let wells = 0;
  for (let s = from; s < to; s++) {
    if (rem[s] === 0 || h[s] > x) {
      well[s] = -1;
      continue;
    }
    if (s === from || well[s - 1] < 0) wells++;
    well[s] = wells - 1;
  }
  return wells;
}

/**
 * Whether every section of every well in `[from, to)` (default `[lo, hi)`,
 * as labelled by {@linkcode markWells}) can afford the space below its lowest
 * wall that the buffers within the well leave empty, given `inside` (by
 * differences: long lifespans cost no more than short ones).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // One section at 0 between walls at 8, capacity 8, 8 bytes still to place
 * // there: no room to waste, so what lies within the well must fill [0, 8).
 * const a = {
 *   h: Float64Array.of(8, 0, 8), rem: Float64Array.of(0.5, 8, 0.5),
 *   well: new Int32Array(4), inside: new Float64Array(4),
 * };
 * markWells(a, 0, 0, 3);
 * assert.equal(wellsAfford(a, 8, 0, 0, 3), false); // nothing lies within it
 * a.inside.fill(0); // wellsAfford summed the differences in place
 * a.inside[1] = 8; // one buffer of 8 lies within it (sections 1 to 2)
 * a.inside[2] = -8;
 * assert.equal(wellsAfford(a, 8, 0, 0, 3), true);
 * ```
 */
export function wellsAfford(
  arrays: WellArrays,
  capFp: number,
  x: number,
  lo: number,
  hi: number,
  from = lo,
  to = hi,
): boolean {
  const { h, rem, well, inside } = arrays;
  for (let s = from + 1; s < to; s++) inside[s] += inside[s - 1];
  for (let a = from; a < to;) {
    if (well[a] < 0) {
      a++;
      continue;
    }
    let b = a;
    while (b < to && well[b] === well[a]) b++;
    const left = a > lo && rem[a - 1] > 0 ? h[a - 1] : Infinity;
    const right = b < hi && rem[b] > 0 ? h[b] : Infinity;
    const wall = Math.min(left, right, capFp);
    for (let s = a; s < b; s++) {
      const waste = (x - h[s]) + Math.max(0, wall - x - inside[s]);
      if (waste > capFp - h[s] - rem[s]) return false;
    }
    a = b;
  }
  return true;
}
