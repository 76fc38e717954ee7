/**
 * An index of placed buffers that answers "which address ranges are taken, at
 * some time, during `[lower, upper)`?" as O(log M) unions of address ranges.
 *
 * Time is compressed to the distinct `lower` values (two half-open lifespans
 * intersect exactly when they share one: the larger of their two lowers). A
 * segment tree over those points splits each lifespan into O(log M) canonical
 * nodes. Every node keeps two unions of address ranges (see IntervalUnion):
 * - `own`: buffers canonical at the node, which span all of its time range;
 * - `below`: buffers canonical at the node or anywhere in its subtree.
 *
 * The ranges taken during a query lifespan are then exactly the union of
 * `below` of its canonical nodes and `own` of their strict ancestors: a placed
 * buffer conflicts with the query iff one of its canonical nodes is on a path
 * from the root to a canonical node of the query. Insertion and query touch
 * O(log M) unions each, and never a list of buffers.
 *
 * (Keeping instead, per node, the union over its whole time range would make
 * each set a true union, but inserting a long-lived buffer must then reach
 * every node below it; measured on training-step problems, pushing those
 * ranges down lazily cost more than walking the split sets.)
 *
 * @module
 */
import { IntervalUnion } from "./_interval_union.ts";

/**
 * Placed buffers indexed by time, as unions of address ranges.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const idx = new ConflictIndex(4); // time points 0..3
 * idx.insert(0, 2, 0, 8); // lifespan points [0, 2), bytes [0, 8)
 * assert.equal(idx.query(1, 4).length, 1); // 1 set: the one holding [0, 8)
 * ```
 */
export class ConflictIndex {
  #leaves: number;
  #own: (IntervalUnion | undefined)[];
  #below: (IntervalUnion | undefined)[];
  #mark: Int32Array;
  #pass = 0;
  #canon: number[] = [];
  #sets: IntervalUnion[] = [];

  /** An empty index over time points `0 … points-1`. */
  constructor(points: number) {
    let leaves = 1;
    while (leaves < points) leaves *= 2;
    this.#leaves = leaves;
    this.#own = new Array(2 * leaves);
    this.#below = new Array(2 * leaves);
    this.#mark = new Int32Array(2 * leaves);
  }

  /** Records address range `[start, end)` as taken over time points `[from, to)`. */
  insert(from: number, to: number, start: number, end: number): void {
    const canon = this.#canonical(from, to);
    const pass = ++this.#pass;
    for (const c of canon) {
      (this.#own[c] ??= new IntervalUnion()).add(start, end);
      // Ancestors shared by several canonical nodes get the range once.
      for (let a = c; a >= 1 && this.#mark[a] !== pass; a >>= 1) {
        this.#mark[a] = pass;
        (this.#below[a] ??= new IntervalUnion()).add(start, end);
      }
    }
  }

  /**
   * The non-empty unions whose combined ranges are exactly those taken at some
   * time point in `[from, to)`. The array is reused by the next call.
   */
  query(from: number, to: number): IntervalUnion[] {
    const canon = this.#canonical(from, to);
    const sets = this.#sets;
    sets.length = 0;
    const pass = ++this.#pass;
    for (const c of canon) {
      const below = this.#below[c];
      if (below) sets.push(below);
      this.#mark[c] = pass;
    }
    for (const c of canon) {
      for (let a = c >> 1; a >= 1 && this.#mark[a] !== pass; a >>= 1) {
        this.#mark[a] = pass;
        const own = this.#own[a];
        if (own) sets.push(own);
      }
    }
    return sets;
  }

  /** Canonical nodes of `[from, to)`, bottom-up; the array is reused. */
  #canonical(from: number, to: number): number[] {
    const canon = this.#canon;
    canon.length = 0;
    for (let l = from + this.#leaves, r = to + this.#leaves; l < r; l >>= 1, r >>= 1) {
      if (l & 1) canon.push(l++);
      if (r & 1) canon.push(--r);
    }
    return canon;
  }
}
