/**
 * The most loaded section among those some candidate covers: the section the
 * `skyline` placer fills next.
 *
 * @module
 */

/**
 * Per section a load and a count of the candidates covering it, both changed
 * by range additions; {@linkcode CoveredMaxTree.argmax} finds the section of
 * greatest load among those whose count is positive, in O(log n).
 *
 * Each node keeps its least count, its greatest load, and its greatest load
 * among the sections whose count is above that least one. Counts never go
 * below zero, so "count positive" is "above the least" when the least is 0,
 * and every section when it is not; a range addition to counts moves a
 * node's least without changing which of its sections are above it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const t = new CoveredMaxTree(Float64Array.of(5, 9, 7, 8));
 * assert.equal(t.argmax(), -1); // nothing covered
 * t.addCount(2, 4, 1);
 * assert.equal(t.argmax(), 3);
 * t.addLoad(3, 4, -2);
 * assert.equal(t.argmax(), 2);
 * t.addCount(0, 2, 1);
 * assert.equal(t.argmax(), 1);
 * ```
 */
export class CoveredMaxTree {
  #n: number;
  #least: Float64Array;
  #all: Float64Array; // greatest load under the node
  #above: Float64Array; // greatest load where the count is above the node's least (-Infinity: none)
  #addCount: Float64Array; // pending additions for the children
  #addLoad: Float64Array;

  /** Sections with these loads, none covered. */
  constructor(loads: Float64Array) {
    this.#n = Math.max(1, loads.length);
    const size = 4 * this.#n;
    this.#least = new Float64Array(size);
    this.#all = new Float64Array(size);
    this.#above = new Float64Array(size).fill(-Infinity);
    this.#addCount = new Float64Array(size);
    this.#addLoad = new Float64Array(size);
    this.#build(1, 0, this.#n, loads);
  }

  /** Adds `c` to the count of every section of `[from, to)`; counts must stay at least 0. */
  addCount(from: number, to: number, c: number): void {
    if (from < to) this.#update(1, 0, this.#n, from, to, c, 0);
  }

  /** Adds `v` to the load of every section of `[from, to)`. */
  addLoad(from: number, to: number, v: number): void {
    if (from < to) this.#update(1, 0, this.#n, from, to, 0, v);
  }

  /** The covered section of greatest load (the leftmost of equals), or -1 when none is covered. */
  argmax(): number {
    if (this.#best(1) === -Infinity) return -1;
    let node = 1, l = 0, r = this.#n;
    while (r - l > 1) {
      this.#push(node);
      const m = (l + r) >> 1, want = this.#best(node);
      if (this.#best(2 * node) === want) {
        node = 2 * node;
        r = m;
      } else {
        node = 2 * node + 1;
        l = m;
      }
    }
    return l;
  }

  /** Greatest load among the node's sections of positive count. */
  #best(node: number): number {
    return this.#least[node] > 0 ? this.#all[node] : this.#above[node];
  }

  #build(node: number, l: number, r: number, loads: Float64Array): void {
    if (r - l === 1) {
      this.#all[node] = l < loads.length ? loads[l] : -Infinity;
      return;
    }
    const m = (l + r) >> 1;
    this.#build(2 * node, l, m, loads);
    this.#build(2 * node + 1, m, r, loads);
    this.#pull(node);
  }

  #apply(node: number, c: number, v: number): void {
    this.#least[node] += c;
    this.#addCount[node] += c;
    this.#all[node] += v;
    this.#above[node] += v;
    this.#addLoad[node] += v;
  }

  #push(node: number): void {
    const c = this.#addCount[node], v = this.#addLoad[node];
    if (c === 0 && v === 0) return;
    this.#apply(2 * node, c, v);
    this.#apply(2 * node + 1, c, v);
    this.#addCount[node] = 0;
    this.#addLoad[node] = 0;
  }

  #pull(node: number): void {
    const a = 2 * node, b = a + 1;
    const least = Math.min(this.#least[a], this.#least[b]);
    this.#least[node] = least;
    this.#all[node] = Math.max(this.#all[a], this.#all[b]);
    const fromA = this.#least[a] > least ? this.#all[a] : this.#above[a];
    const fromB = this.#least[b] > least ? this.#all[b] : this.#above[b];
    this.#above[node] = Math.max(fromA, fromB);
  }

  #update(node: number, l: number, r: number, a: number, b: number, c: number, v: number): void {
    if (a <= l && r <= b) {
      this.#apply(node, c, v);
      return;
    }
    this.#push(node);
    const m = (l + r) >> 1;
    if (a < m) this.#update(2 * node, l, m, a, b, c, v);
    if (b > m) this.#update(2 * node + 1, m, r, a, b, c, v);
    this.#pull(node);
  }
}
