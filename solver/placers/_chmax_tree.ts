/**
 * Heights over a row of sections, raised over ranges and read as the highest
 * in a range: the skyline of the `skyline` placer, whose floors are range maxima.
 *
 * @module
 */

/**
 * A segment tree of per-section values (all 0 at first) under range
 * "raise to at least t" and range-maximum queries, both O(log n). A raise is
 * kept as a tag on the nodes that cover its range and is never pushed down:
 * a query adds the tags of the nodes it passes through.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const t = new ChmaxTree(5);
 * t.raise(1, 3, 7);
 * t.raise(2, 5, 4);
 * assert.equal(t.max(0, 1), 0);
 * assert.equal(t.max(0, 2), 7);
 * assert.equal(t.max(3, 5), 4);
 * ```
 */
export class ChmaxTree {
  #leaves: number; // a power of two; leaf s is node #leaves + s
  #max: Float64Array; // highest value under the node
  #tag: Float64Array; // raised to at least this over the whole node

  /** `n` sections, all at 0. */
  constructor(n: number) {
    let leaves = 1;
    while (leaves < n) leaves *= 2;
    this.#leaves = leaves;
    this.#max = new Float64Array(2 * leaves);
    this.#tag = new Float64Array(2 * leaves);
  }

  /** Raises every section of `[from, to)` to at least `t`. */
  raise(from: number, to: number, t: number): void {
    if (from >= to) return;
    const max = this.#max, tag = this.#tag;
    let l = from + this.#leaves, r = to + this.#leaves;
    const first = l, last = r - 1;
    while (l < r) {
      if (l & 1) {
        if (t > max[l]) max[l] = t;
        if (t > tag[l]) tag[l] = t;
        l++;
      }
      if (r & 1) {
        r--;
        if (t > max[r]) max[r] = t;
        if (t > tag[r]) tag[r] = t;
      }
      l >>= 1;
      r >>= 1;
    }
    // The nodes above the range's two ends are the only ones whose maximum changed.
    for (let i = first >> 1; i > 0; i >>= 1) max[i] = Math.max(tag[i], max[2 * i], max[2 * i + 1]);
    for (let i = last >> 1; i > 0; i >>= 1) max[i] = Math.max(tag[i], max[2 * i], max[2 * i + 1]);
  }

  /** The highest value over `[from, to)` (0 for an empty range). */
  max(from: number, to: number): number {
    if (from >= to) return 0;
    const max = this.#max, tag = this.#tag;
    let l = from + this.#leaves, r = to + this.#leaves, best = 0;
    // A raise over a node partly in the range holds at the range's first or
    // last section: the tags above those two ends are all that apply besides
    // the maxima of the nodes that tile the range.
    for (let i = l >> 1; i > 0; i >>= 1) if (tag[i] > best) best = tag[i];
    for (let i = (r - 1) >> 1; i > 0; i >>= 1) if (tag[i] > best) best = tag[i];
    while (l < r) {
      if (l & 1) {
        if (max[l] > best) best = max[l];
        l++;
      }
      if (r & 1) {
        r--;
        if (max[r] > best) best = max[r];
      }
      l >>= 1;
      r >>= 1;
    }
    return best;
  }
}
