/**
 * Lowest value over ranges, per position: many "every position of [a, b) is
 * at most v" updates, then one read of every position. A node of the search
 * asks this of every unplaced buffer's sections; looping over each buffer's
 * sections costs the sum of their widths, which on long-lived buffers (whole
 * forward-to-backward activations) is hundreds of times the buffer count.
 *
 * An update of width w writes two cells of level ⌊log2 w⌋ (two blocks of that
 * length cover the range); the read pushes every level down to the one below
 * it: O(updates + positions × levels) in all.
 *
 * @module
 */

/**
 * Offline range-minimum updates over positions `[0, size)`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const r = new RangeMin(8);
 * const out = new Float64Array(8).fill(Infinity);
 * r.add(0, 5, 3, out);
 * r.add(2, 8, 1, out);
 * r.flush(out, 0, 8);
 * assert.deepEqual([...out], [3, 3, 1, 1, 1, 1, 1, 1]);
 * ```
 */
export class RangeMin {
  #size: number;
  #tab: Float64Array; // level k ≥ 1 at [(k - 1) · size, k · size); Infinity where unset
  #top = 0; // highest level written since the last flush

  /** Number of positions. */
  get size(): number {
    return this.#size;
  }

  /** Positions `[0, size)`. */
  constructor(size: number) {
    this.#size = size;
    const levels = size > 1 ? 31 - Math.clz32(size) : 0;
    this.#tab = new Float64Array(levels * size).fill(Infinity);
  }

  /**
   * Every position of `[from, end)` (non-empty) is at most `v`. Width 1 goes
   * straight to `out` of the next {@linkcode flush}, which must then be the
   * array given here.
   */
  add(from: number, end: number, v: number, out: Float64Array): void {
    const w = end - from;
    if (w === 1) {
      if (v < out[from]) out[from] = v;
      return;
    }
    const k = 31 - Math.clz32(w), tab = this.#tab, row = (k - 1) * this.#size;
    if (v < tab[row + from]) tab[row + from] = v;
    const j = row + end - (1 << k);
    if (v < tab[j]) tab[j] = v;
    if (k > this.#top) this.#top = k;
  }

  /**
   * Lowers `out[lo, hi)` to the updates made since the last flush, all within
   * `[lo, hi)`, and forgets them.
   */
  flush(out: Float64Array, lo: number, hi: number): void {
    const tab = this.#tab, size = this.#size;
    for (let k = this.#top; k >= 1; k--) {
      const row = (k - 1) * size, half = 1 << (k - 1), last = hi - (1 << k);
      if (k === 1) {
        for (let i = lo; i <= last; i++) {
          const v = tab[row + i];
          if (v === Infinity) continue;
          tab[row + i] = Infinity;
          if (v < out[i]) out[i] = v;
          if (v < out[i + 1]) out[i + 1] = v;
        }
      } else {
        const below = row - size;
        for (let i = lo; i <= last; i++) {
          const v = tab[row + i];
          if (v === Infinity) continue;
          tab[row + i] = Infinity;
          if (v < tab[below + i]) tab[below + i] = v;
          if (v < tab[below + i + half]) tab[below + i + half] = v;
        }
      }
    }
    this.#top = 0;
  }
}
