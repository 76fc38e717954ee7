/**
 * Range add, answering the range's maximum after it, over positions
 * `[0, size)` in O(log size): the release bound adds each buffer's footprint
 * over its sections and asks whether any of them now holds too much. Looping over the sections costs the
 * buffer's width, which on long-lived buffers (whole forward-to-backward
 * activations) is hundreds of sections.
 *
 * A segment tree whose node holds the maximum of its range, not counting the
 * additions pending at its ancestors; additions pending at a node are pushed
 * to its children before a query passes below it.
 *
 * @module
 */

/**
 * Range add with the range's maximum after it (adding 0 reads it); every
 * position starts at 0.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const t = new AddMaxTree(8);
 * assert.equal(t.size, 8);
 * assert.equal(t.addMax(0, 5, 3), 3);
 * assert.equal(t.addMax(4, 8, 2), 5); // 3 + 2 at position 4
 * assert.equal(t.addMax(3, 6, 1), 6);
 * assert.equal(t.addMax(5, 8, 0), 3);
 * t.clear();
 * assert.equal(t.addMax(0, 8, 0), 0);
 * ```
 */
export class AddMaxTree {
  #n: number; // leaves: a power of two ≥ size
  #size: number;
  #height: number;
  #t: Float64Array;
  #d: Float64Array; // pending additions of internal nodes

  /** Positions `[0, size)`. */
  constructor(size: number) {
    let n = 1, height = 0;
    while (n < size) {
      n *= 2;
      height++;
    }
    this.#n = n;
    this.#size = size;
    this.#height = height;
    this.#t = new Float64Array(2 * n);
    this.#d = new Float64Array(n);
  }

  /** Number of positions. */
  get size(): number {
    return this.#size;
  }

  /** Every position back to 0. */
  clear(): void {
    this.#t.fill(0);
    this.#d.fill(0);
  }

  /**
   * Adds `v` to every position of `[from, end)` (non-empty) and returns
   * their largest value after it, in one pass. The pending additions above the
   * range's two ends are pushed down first; every node of the range's
   * decomposition hangs below one of those two paths, so its value is then
   * its true maximum.
   */
  addMax(from: number, end: number, v: number): number {
    const t = this.#t, d = this.#d, n = this.#n;
    let l = from + n, r = end + n;
    const l0 = l, r0 = r - 1;
    this.#push(l0);
    this.#push(r0);
    let m = -Infinity;
    while (l < r) {
      if (l & 1) {
        const x = t[l] += v;
        if (l < n) d[l] += v;
        if (x > m) m = x;
        l++;
      }
      if (r & 1) {
        r--;
        const x = t[r] += v;
        if (r < n) d[r] += v;
        if (x > m) m = x;
      }
      l >>= 1;
      r >>= 1;
    }
    this.#rebuild(l0);
    this.#rebuild(r0);
    return m;
  }

  /** Recomputes the ancestors of leaf-level node `p`. */
  #rebuild(p: number): void {
    const t = this.#t, d = this.#d;
    while (p > 1) {
      p >>= 1;
      const a = t[2 * p], b = t[2 * p + 1];
      t[p] = (a > b ? a : b) + d[p];
    }
  }

  /** Pushes the pending additions of the ancestors of `p` down to their children. */
  #push(p: number): void {
    const t = this.#t, d = this.#d, n = this.#n;
    for (let s = this.#height; s > 0; s--) {
      const i = p >> s, v = d[i];
      if (v !== 0) {
        t[2 * i] += v;
        t[2 * i + 1] += v;
        if (2 * i < n) {
          d[2 * i] += v;
          d[2 * i + 1] += v;
        }
        d[i] = 0;
      }
    }
  }
}
