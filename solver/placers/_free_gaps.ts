/**
 * The free address gaps of a set of disjoint buffers, ordered by address, with
 * "lowest gap of at least `len` bytes" in O(log n): a treap keyed by gap start
 * whose nodes know the longest gap in their subtree.
 *
 * @module
 */

/**
 * Disjoint free gaps `[start, start + len)`; the last may be infinitely long.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const gaps = new FreeGaps(8);
 * gaps.insert(0, Infinity);
 * gaps.take(0, 4); // allocate [0, 4)
 * assert.equal(gaps.lowestFit(2), 4);
 * gaps.release(0, 4); // merges back into [0, ∞)
 * assert.equal(gaps.lowestFit(10), 0);
 * ```
 */
export class FreeGaps {
  #start: Float64Array;
  #len: Float64Array;
  #max: Float64Array;
  #prio: Float64Array;
  #left: Int32Array;
  #right: Int32Array;
  #root = 0; // node 0 is "none"
  #unused: number[] = [];
  #next = 1;
  #seed = 0x9e3779b9;
  // Results of #split, kept in fields so splitting allocates nothing.
  #lo = 0;
  #hi = 0;
  // The root-to-node path of the last #find (a treap's depth stays near 2 log n).
  #path = new Int32Array(64);
  #depth = 0;

  /** Room for `capacity` gaps at once (it grows if needed). */
  constructor(capacity: number) {
    const c = Math.max(2, capacity + 1);
    this.#start = new Float64Array(c);
    this.#len = new Float64Array(c);
    this.#max = new Float64Array(c);
    this.#prio = new Float64Array(c);
    this.#left = new Int32Array(c);
    this.#right = new Int32Array(c);
    // Node 0 ("none") as the longest gap of an empty subtree: below every
    // length, so the loops need no test for a missing child.
    this.#max[0] = -Infinity;
  }

  /** Adds the gap `[start, start + len)`, which must not touch another gap. */
  insert(start: number, len: number): void {
    const n = this.#node(start, len);
    this.#split(this.#root, start, false);
    const hi = this.#hi;
    this.#root = this.#merge(this.#merge(this.#lo, n), hi);
  }

  /** Start of the lowest gap at least `len` long; -1 if none. */
  lowestFit(len: number): number {
    let t = this.#root;
    while (t) {
      const l = this.#left[t];
      if (this.#max[l] >= len) t = l;
      else if (this.#len[t] >= len) return this.#start[t];
      else t = this.#right[t];
    }
    return -1;
  }

  /**
   * Allocates `len` bytes at the start of the lowest gap that fits and
   * returns that start (-1 if none fits): {@linkcode FreeGaps.lowestFit} then
   * {@linkcode FreeGaps.take} in one descent, the gap shrunk or unlinked where
   * the descent found it.
   */
  allocLowest(len: number): number {
    this.#depth = 0;
    let t = this.#root;
    while (t) {
      this.#pathPush(t);
      const l = this.#left[t];
      if (this.#max[l] >= len) t = l;
      else if (this.#len[t] >= len) break;
      else t = this.#right[t];
    }
    if (!t) return -1;
    const start = this.#start[t], gap = this.#len[t];
    if (gap > len) {
      // The rest keeps its place among the others (no start lies in between).
      this.#start[t] = start + len;
      this.#len[t] = gap - len;
      this.#pullPath(this.#depth - 1, this.#depth - 1);
    } else {
      this.#depth--;
      this.#link(t, this.#merge(this.#left[t], this.#right[t]));
      this.#unused.push(t);
      this.#pullPath(this.#depth - 1, this.#depth - 1);
    }
    return start;
  }

  /** Allocates `[start, start + len)`, which must lie at the start of a gap. */
  take(start: number, len: number): void {
    const t = this.#find(start);
    if (!t) return;
    const gap = this.#len[t];
    // The rest of the gap keeps its place among the others: shrink the node
    // in place rather than remove and insert it (a third of first-fit's time).
    if (gap > len) this.#resize(start + len, gap - len);
    else this.#remove(start);
  }

  /** Frees `[start, start + len)`, merging it with the gaps it touches. */
  release(start: number, len: number): void {
    // One descent towards `start + len` finds the gap starting there (q) and
    // the gap before `start` (p): no gap starts inside the freed range, so p
    // is the last node passed on the right, or, below q, the last of q's
    // left subtree.
    const end = start + len;
    this.#depth = 0;
    let t = this.#root, p = 0, pAt = -1, q = 0, qAt = -1;
    while (t) {
      this.#pathPush(t);
      const s = this.#start[t];
      if (s === end) {
        q = t;
        qAt = this.#depth - 1;
        t = this.#left[t];
        while (t) {
          this.#pathPush(t);
          p = t;
          pAt = this.#depth - 1;
          t = this.#right[t];
        }
        break;
      }
      if (s < end) {
        p = t;
        pAt = this.#depth - 1;
        t = this.#right[t];
      } else t = this.#left[t];
    }
    const joinsBelow = p !== 0 && this.#start[p] + this.#len[p] === start;
    if (joinsBelow && q) {
      // p, the freed range and q become one gap: the deeper of the two nodes,
      // which has no child between them, is unlinked; the other one grows.
      const total = this.#len[p] + len + this.#len[q];
      if (pAt < qAt) {
        this.#len[p] = total;
        this.#depth = qAt;
        this.#link(q, this.#right[q]);
        this.#unused.push(q);
        this.#pullPath(qAt - 1, pAt);
      } else {
        this.#start[q] = this.#start[p];
        this.#len[q] = total;
        this.#depth = pAt;
        this.#link(p, this.#left[p]);
        this.#unused.push(p);
        this.#pullPath(pAt - 1, qAt);
      }
    } else if (joinsBelow) {
      this.#len[p] += len;
      this.#pullPath(pAt, pAt);
    } else if (q) {
      this.#start[q] = start;
      this.#len[q] += len;
      this.#pullPath(qAt, qAt);
    } else this.insert(start, len);
  }

  /** Appends `t` to the path (which grows as needed). */
  #pathPush(t: number): void {
    if (this.#depth === this.#path.length) {
      const longer = new Int32Array(2 * this.#depth);
      longer.set(this.#path);
      this.#path = longer;
    }
    this.#path[this.#depth++] = t;
  }

  /**
   * Puts `child` in the place of the path's node `#path[#depth]` (under
   * `#path[#depth - 1]`, or as the root).
   */
  #link(node: number, child: number): void {
    if (this.#depth === 0) this.#root = child;
    else {
      const parent = this.#path[this.#depth - 1];
      if (this.#left[parent] === node) this.#left[parent] = child;
      else this.#right[parent] = child;
    }
  }

  /**
   * Mends the longest gaps of the path's nodes from index `from` up to the
   * root. From `changed` up (the highest node whose own gap changed; nodes
   * below it only had their subtrees change) it stops at the first node whose
   * longest gap stays the same: nothing above it can change either.
   */
  #pullPath(from: number, changed: number): void {
    for (let i = from; i >= 0; i--) {
      const t = this.#path[i], before = this.#max[t];
      this.#pull(t);
      if (i <= changed && this.#max[t] === before) return;
    }
  }

  /**
   * The gap starting exactly at `start`, or 0; leaves the path to it in
   * `#path` for {@linkcode #resize}.
   */
  #find(start: number): number {
    this.#depth = 0;
    let t = this.#root;
    while (t) {
      if (this.#depth === this.#path.length) {
        const longer = new Int32Array(2 * this.#depth);
        longer.set(this.#path);
        this.#path = longer;
      }
      this.#path[this.#depth++] = t;
      const s = this.#start[t];
      if (s === start) return t;
      t = s < start ? this.#right[t] : this.#left[t];
    }
    return 0;
  }

  /**
   * Gives the node {@linkcode #find} stopped at a new start and length (the
   * caller keeps it between its neighbours) and mends the longest gaps above it.
   */
  #resize(start: number, len: number): void {
    const t = this.#path[this.#depth - 1];
    this.#start[t] = start;
    this.#len[t] = len;
    for (let i = this.#depth - 1; i >= 0; i--) this.#pull(this.#path[i]);
  }

  /** Removes the gap starting exactly at `start`; returns its length, or 0 if there is none. */
  #remove(start: number): number {
    this.#split(this.#root, start, false); // lo: < start
    const lo = this.#lo;
    this.#split(this.#hi, start, true); // lo: == start
    const mid = this.#lo, hi = this.#hi;
    this.#root = this.#merge(lo, hi);
    if (!mid) return 0;
    this.#unused.push(mid); // starts are unique: `mid` is one node
    return this.#len[mid];
  }

  /** The gap with the greatest start below `x`, or 0. */
  #below(x: number): number {
    let t = this.#root, found = 0;
    while (t) {
      if (this.#start[t] < x) {
        found = t;
        t = this.#right[t];
      } else t = this.#left[t];
    }
    return found;
  }

  #node(start: number, len: number): number {
    let n = this.#unused.pop();
    if (n === undefined) {
      if (this.#next === this.#start.length) this.#grow();
      n = this.#next++;
    }
    this.#start[n] = start;
    this.#len[n] = len;
    this.#max[n] = len;
    this.#left[n] = 0;
    this.#right[n] = 0;
    // xorshift: a fixed sequence, so placements repeat run to run
    let x = this.#seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.#seed = x >>> 0;
    this.#prio[n] = this.#seed;
    return n;
  }

  /** Splits `t` into `#lo` (starts < key, or <= key with `orEqual`) and `#hi`. */
  #split(t: number, key: number, orEqual: boolean): void {
    if (!t) {
      this.#lo = this.#hi = 0;
      return;
    }
    const s = this.#start[t];
    if (s < key || (orEqual && s === key)) {
      this.#split(this.#right[t], key, orEqual);
      this.#right[t] = this.#lo;
      this.#pull(t);
      this.#lo = t;
    } else {
      this.#split(this.#left[t], key, orEqual);
      this.#left[t] = this.#hi;
      this.#pull(t);
      this.#hi = t;
    }
  }

  /** Joins two treaps whose every start in `a` is below every start in `b`. */
  #merge(a: number, b: number): number {
    if (!a) return b;
    if (!b) return a;
    if (this.#prio[a] > this.#prio[b]) {
      this.#right[a] = this.#merge(this.#right[a], b);
      this.#pull(a);
      return a;
    }
    this.#left[b] = this.#merge(a, this.#left[b]);
    this.#pull(b);
    return b;
  }

  #pull(t: number): void {
    let m = this.#len[t];
    const l = this.#left[t], r = this.#right[t];
    if (this.#max[l] > m) m = this.#max[l];
    if (this.#max[r] > m) m = this.#max[r];
    this.#max[t] = m;
  }

  #grow(): void {
    const c = this.#start.length * 2;
    const grow = <A extends Float64Array | Int32Array>(a: A, make: (n: number) => A): A => {
      const b = make(c);
      b.set(a);
      return b;
    };
    this.#start = grow(this.#start, (n) => new Float64Array(n));
    this.#len = grow(this.#len, (n) => new Float64Array(n));
    this.#max = grow(this.#max, (n) => new Float64Array(n));
    this.#prio = grow(this.#prio, (n) => new Float64Array(n));
    this.#left = grow(this.#left, (n) => new Int32Array(n));
    this.#right = grow(this.#right, (n) => new Int32Array(n));
  }
}
