/**
 * A set of disjoint address ranges `[start, end)`, ordered by start, that
 * says whether a new range would meet one of them: a treap in typed arrays,
 * as large as the set (not as the problem).
 *
 * @module
 */

/**
 * Disjoint ranges by start; {@linkcode DisjointRanges.add} refuses a range
 * that meets one already held.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { DisjointRanges } from "./disjoint_ranges.ts";
 * const set = new DisjointRanges(4);
 * assert.equal(set.add(0, 8), true);
 * assert.equal(set.add(8, 12), true); // touching is not meeting
 * assert.equal(set.add(4, 6), false); // inside [0, 8)
 * set.remove(0);
 * assert.equal(set.add(4, 6), true);
 * ```
 */
export class DisjointRanges {
  #start: Float64Array;
  #end: Float64Array;
  #prio: Int32Array;
  #left: Int32Array;
  #right: Int32Array;
  #root = 0; // node 0 is "none"
  #free: number[] = [];
  #next = 1;
  #seed = 0x2545f491;
  // Results of #split, kept in fields so splitting allocates nothing.
  #lo = 0;
  #hi = 0;

  /** Room for `capacity` ranges at once (it grows if needed). */
  constructor(capacity: number) {
    const c = Math.max(2, capacity + 1);
    this.#start = new Float64Array(c);
    this.#end = new Float64Array(c);
    this.#prio = new Int32Array(c);
    this.#left = new Int32Array(c);
    this.#right = new Int32Array(c);
  }

  /**
   * Adds `[start, end)` (`end > start`) and returns true, unless it meets a
   * range held: then nothing changes and it returns false.
   *
   * One descent decides both. Held ranges are disjoint, so their ends rise
   * with their starts: `[start, end)` meets one exactly when a held start
   * lies in `[start, end)`, or the last start below `start` has its end above
   * `start`. With no start in `[start, end)` the searches for `start` and
   * `end` take the same path, and the new node goes on that path too, where
   * its priority ranks it.
   */
  add(start: number, end: number): boolean {
    const prio = this.#nextPriority();
    let t = this.#root, before = 0, parent = 0, right = false, at = -1;
    while (t) {
      const s = this.#start[t];
      if (at < 0 && this.#prio[t] < prio) at = t;
      if (s >= start) {
        if (s < end) return false;
        if (at < 0) {
          parent = t;
          right = false;
        }
        t = this.#left[t];
      } else {
        before = t;
        if (at < 0) {
          parent = t;
          right = true;
        }
        t = this.#right[t];
      }
    }
    if (before && this.#end[before] > start) return false;
    if (at < 0) at = 0;
    const n = this.#node(start, end, prio);
    this.#split(at, start);
    this.#left[n] = this.#lo;
    this.#right[n] = this.#hi;
    this.#attach(parent, right, n);
    return true;
  }

  #nextPriority(): number {
    // xorshift: a fixed sequence, so the tree's shape repeats run to run
    let x = this.#seed;
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    this.#seed = x;
    return x;
  }

  /** Removes the range starting at `start`, if held. */
  remove(start: number): void {
    let parent = 0, right = false, t = this.#root;
    while (t && this.#start[t] !== start) {
      parent = t;
      right = this.#start[t] < start;
      t = right ? this.#right[t] : this.#left[t];
    }
    if (!t) return;
    this.#attach(parent, right, this.#merge(this.#left[t], this.#right[t]));
    this.#free.push(t);
  }

  /** Hangs `child` under `parent` on its `right` or left side (no parent: the root). */
  #attach(parent: number, right: boolean, child: number): void {
    if (!parent) this.#root = child;
    else if (right) this.#right[parent] = child;
    else this.#left[parent] = child;
  }

  #node(start: number, end: number, prio: number): number {
    let n = this.#free.pop();
    if (n === undefined) {
      if (this.#next === this.#start.length) this.#grow();
      n = this.#next++;
    }
    this.#start[n] = start;
    this.#end[n] = end;
    this.#left[n] = 0;
    this.#right[n] = 0;
    this.#prio[n] = prio;
    return n;
  }

  /** Splits `t` into `#lo` (starts below `key`) and `#hi`. */
  #split(t: number, key: number): void {
    if (!t) {
      this.#lo = this.#hi = 0;
      return;
    }
    if (this.#start[t] < key) {
      this.#split(this.#right[t], key);
      this.#right[t] = this.#lo;
      this.#lo = t;
    } else {
      this.#split(this.#left[t], key);
      this.#left[t] = this.#hi;
      this.#hi = t;
    }
  }

  /** Joins two treaps whose every start in `a` is below every start in `b`. */
  #merge(a: number, b: number): number {
    if (!a) return b;
    if (!b) return a;
    if (this.#prio[a] > this.#prio[b]) {
      this.#right[a] = this.#merge(this.#right[a], b);
      return a;
    }
    this.#left[b] = this.#merge(a, this.#left[b]);
    return b;
  }

  #grow(): void {
    const c = this.#start.length * 2;
    const grow = <A extends Float64Array | Int32Array>(a: A, make: (n: number) => A): A => {
      const b = make(c);
      b.set(a);
      return b;
    };
    this.#start = grow(this.#start, (n) => new Float64Array(n));
    this.#end = grow(this.#end, (n) => new Float64Array(n));
    this.#prio = grow(this.#prio, (n) => new Int32Array(n));
    this.#left = grow(this.#left, (n) => new Int32Array(n));
    this.#right = grow(this.#right, (n) => new Int32Array(n));
  }
}
