/**
 * A growing union of half-open address ranges, kept as sorted, disjoint,
 * non-touching intervals. Placers only ever add buffers, so the union never
 * shrinks and touching ranges merge for good: a tightly packed stack of a
 * thousand buffers is one interval.
 *
 * @module
 */

/**
 * Union of `[start, end)` ranges.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const u = new IntervalUnion();
 * u.add(0, 4); u.add(8, 12); u.add(4, 6);
 * assert.equal(u.count, 2); // [0, 6) and [8, 12)
 * assert.equal(u.blockingEnd(5, 2), 6); // [5, 7) hits [0, 6)
 * ```
 */
export class IntervalUnion {
  /** `[s0, e0, s1, e1, …]`, sorted; `e_i < s_{i+1}`. */
  #b: number[] = [];

  /** Number of disjoint intervals. */
  get count(): number {
    return this.#b.length >> 1;
  }

  /** Start of interval `i`. */
  start(i: number): number {
    return this.#b[2 * i];
  }

  /** End of interval `i`. */
  end(i: number): number {
    return this.#b[2 * i + 1];
  }

  /** Adds `[start, end)` (with `start < end`), merging what it overlaps or touches. */
  add(start: number, end: number): void {
    const b = this.#b;
    const n = b.length >> 1;
    if (n === 0 || b[2 * n - 1] < start) { // the common case: on top of everything
      b.push(start, end);
      return;
    }
    // First interval that ends at or after `start` (it may touch it).
    let lo = 0, hi = n;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (b[2 * mid + 1] < start) lo = mid + 1;
      else hi = mid;
    }
    let j = lo;
    while (j < n && b[2 * j] <= end) j++;
    if (j === lo) {
      b.splice(2 * lo, 0, start, end);
      return;
    }
    b[2 * lo] = Math.min(start, b[2 * lo]);
    b[2 * lo + 1] = Math.max(end, b[2 * j - 1]);
    if (j - lo > 1) b.splice(2 * lo + 2, 2 * (j - lo - 1));
  }

  /**
   * If `[y, y + len)` overlaps the union, the end of the highest interval it
   * overlaps (no position below that end and at or above `y` is free); else -1.
   */
  blockingEnd(y: number, len: number): number {
    const b = this.#b;
    const limit = y + len;
    let lo = 0, hi = b.length >> 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (b[2 * mid] < limit) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 && b[2 * lo - 1] > y ? b[2 * lo - 1] : -1;
  }
}
