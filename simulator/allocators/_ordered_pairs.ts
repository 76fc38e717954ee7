/**
 * An ordered set of number pairs `(x, y)`, ordered by `x` then `y`, that also
 * answers "the leftmost pair whose `y` is at least k" in O(log n).
 *
 * The allocators use it twice: free ranges keyed by `(start, length)`, where
 * that query is first-fit, and keyed by `(length, start)`, where `ceiling` is
 * best-fit with ties broken by the lowest address.
 *
 * A treap (randomised binary search tree) keeps the expected depth logarithmic
 * whatever the insertion order; every node caches the largest `y` in its
 * subtree so the first-fit descent can skip whole subtrees. Priorities come
 * from a seeded generator so running times are reproducible. Nodes live in
 * typed arrays (index 0 is the empty tree) rather than as objects: a replay of
 * a million steps then touches compact memory and makes no garbage.
 *
 * @module
 */

/** A pair held by {@linkcode OrderedPairs}; a copy, never the stored node. */
export interface Pair {
  readonly x: number;
  readonly y: number;
}

const NIL = 0;

/**
 * An ordered set of `(x, y)` pairs with O(log n) expected insert, delete,
 * neighbour queries and leftmost-`y`-at-least search.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const s = new OrderedPairs();
 * s.insert(0, 8); // a free range at 0 of length 8
 * s.insert(32, 64);
 * s.insert(128, 16);
 * assert.deepEqual(s.firstWithYAtLeast(10), { x: 32, y: 64 });
 * assert.deepEqual(s.floor(100), { x: 32, y: 64 }); // the last pair with x <= 100
 * ```
 */
export class OrderedPairs {
  #x = new Float64Array(16);
  #y = new Float64Array(16);
  /** Largest y in the subtree; maxY[NIL] = -Infinity so no null checks are needed. */
  #maxY = new Float64Array(16).fill(-Infinity);
  #priority = new Uint32Array(16);
  #left = new Int32Array(16);
  #right = new Int32Array(16);
  #root = NIL;
  #size = 0;
  #fresh = 1; // next never-used node index
  readonly #recycled: number[] = [];
  #seed: number;
  // Results of #split, kept in fields so no tuple is allocated per level.
  #splitLeft = NIL;
  #splitRight = NIL;
  #flag = false;
  readonly #path: number[] = [];

  /** `seed` fixes the priorities, hence the tree shape (never the answers). */
  constructor(seed = 0x2545f491) {
    this.#seed = seed >>> 0 || 1;
  }

  /** Number of pairs held. */
  get size(): number {
    return this.#size;
  }

  /** True when `(x, y)` is held. */
  has(x: number, y: number): boolean {
    return this.#find(x, y) !== NIL;
  }

  /** Adds `(x, y)`; false (and no change) when it is already held. */
  insert(x: number, y: number): boolean {
    const n = this.#allocNode(x, y);
    this.#flag = false;
    this.#root = this.#insert(this.#root, n);
    if (this.#flag) {
      this.#recycled.push(n);
      return false;
    }
    this.#size++;
    return true;
  }

  /** Removes `(x, y)`; false when it was not held. */
  delete(x: number, y: number): boolean {
    this.#flag = false;
    this.#root = this.#delete(this.#root, x, y);
    if (this.#flag) this.#size--;
    return this.#flag;
  }

  /**
   * Replaces `(x, y)` by `(newX, newY)` in place, cheaper than delete and insert;
   * false when `(x, y)` is not held. The new pair must sort between the same
   * neighbours (a RangeError otherwise): free ranges use it when a range
   * shrinks or grows without passing another one.
   */
  update(x: number, y: number, newX: number, newY: number): boolean {
    const X = this.#x, Y = this.#y, L = this.#left, R = this.#right;
    const path = this.#path;
    path.length = 0;
    let t = this.#root;
    let lower = NIL, upper = NIL;
    while (t !== NIL && !(X[t] === x && Y[t] === y)) {
      path.push(t);
      if (before(x, y, X[t], Y[t])) {
        upper = t;
        t = L[t];
      } else {
        lower = t;
        t = R[t];
      }
    }
    if (t === NIL) return false;
    let pred = L[t];
    if (pred === NIL) pred = lower;
    else while (R[pred] !== NIL) pred = R[pred];
    let succ = R[t];
    if (succ === NIL) succ = upper;
    else while (L[succ] !== NIL) succ = L[succ];
    if (
      (pred !== NIL && !before(X[pred], Y[pred], newX, newY)) ||
      (succ !== NIL && !before(newX, newY, X[succ], Y[succ]))
    ) {
      throw new RangeError(`(${newX}, ${newY}) does not sort where (${x}, ${y}) does`);
    }
    X[t] = newX;
    Y[t] = newY;
    // Once a subtree's max stays put, no ancestor's can change.
    let changed = this.#pull(t);
    for (let i = path.length - 1; i >= 0 && changed; i--) changed = this.#pull(path[i]);
    return true;
  }

  /** The smallest pair `>= (x, y)`; `y` defaults to -Infinity, so: the first pair with this `x` or more. */
  ceiling(x: number, y = -Infinity): Pair | undefined {
    const X = this.#x, Y = this.#y;
    let t = this.#root;
    let best = NIL;
    while (t !== NIL) {
      if (before(X[t], Y[t], x, y)) t = this.#right[t];
      else {
        best = t;
        t = this.#left[t];
      }
    }
    return this.#pair(best);
  }

  /** The largest pair `<= (x, y)`; `y` defaults to Infinity, so: the last pair with this `x` or less. */
  floor(x: number, y = Infinity): Pair | undefined {
    const X = this.#x, Y = this.#y;
    let t = this.#root;
    let best = NIL;
    while (t !== NIL) {
      if (before(x, y, X[t], Y[t])) t = this.#left[t];
      else {
        best = t;
        t = this.#right[t];
      }
    }
    return this.#pair(best);
  }

  /** The first pair in order whose `y >= minY`. */
  firstWithYAtLeast(minY: number): Pair | undefined {
    const M = this.#maxY, L = this.#left, R = this.#right, Y = this.#y;
    let t = this.#root;
    if (M[t] < minY) return undefined; // also covers the empty tree
    for (;;) {
      if (M[L[t]] >= minY) t = L[t];
      else if (Y[t] >= minY) return this.#pair(t);
      else if (R[t] !== NIL) t = R[t]; // the subtree max says a match lies to the right
      else throw new Error("OrderedPairs: subtree maximum out of date"); // never spin on NIL
    }
  }

  /** The smallest pair. */
  min(): Pair | undefined {
    let t = this.#root;
    if (t === NIL) return undefined;
    while (this.#left[t] !== NIL) t = this.#left[t];
    return this.#pair(t);
  }

  /** The largest pair. */
  max(): Pair | undefined {
    let t = this.#root;
    if (t === NIL) return undefined;
    while (this.#right[t] !== NIL) t = this.#right[t];
    return this.#pair(t);
  }

  /** The largest `y` held; -Infinity when empty. */
  maxY(): number {
    return this.#maxY[this.#root];
  }

  /** Every pair in order. */
  *[Symbol.iterator](): IterableIterator<Pair> {
    const stack: number[] = [];
    let t = this.#root;
    while (t !== NIL || stack.length > 0) {
      while (t !== NIL) {
        stack.push(t);
        t = this.#left[t];
      }
      const n = stack.pop()!;
      yield { x: this.#x[n], y: this.#y[n] };
      t = this.#right[n];
    }
  }

  #pair(t: number): Pair | undefined {
    return t === NIL ? undefined : { x: this.#x[t], y: this.#y[t] };
  }

  #find(x: number, y: number): number {
    const X = this.#x, Y = this.#y;
    let t = this.#root;
    while (t !== NIL && !(X[t] === x && Y[t] === y)) {
      t = before(x, y, X[t], Y[t]) ? this.#left[t] : this.#right[t];
    }
    return t;
  }

  /** Recomputes the subtree max of `t`; true when it changed. */
  #pull(t: number): boolean {
    const M = this.#maxY;
    let m = this.#y[t];
    const l = M[this.#left[t]], r = M[this.#right[t]];
    if (l > m) m = l;
    if (r > m) m = r;
    if (M[t] === m) return false;
    M[t] = m;
    return true;
  }

  /** Splits `t` into pairs before `(x, y)` (#splitLeft) and the rest (#splitRight). */
  #split(t: number, x: number, y: number): void {
    if (t === NIL) {
      this.#splitLeft = this.#splitRight = NIL;
      return;
    }
    const tx = this.#x[t], ty = this.#y[t];
    if (tx === x && ty === y) this.#flag = true;
    if (before(tx, ty, x, y)) {
      this.#split(this.#right[t], x, y);
      this.#right[t] = this.#splitLeft;
      this.#pull(t);
      this.#splitLeft = t;
    } else {
      this.#split(this.#left[t], x, y);
      this.#left[t] = this.#splitRight;
      this.#pull(t);
      this.#splitRight = t;
    }
  }

  /** Joins two treaps where every pair of `a` comes before every pair of `b`. */
  #merge(a: number, b: number): number {
    if (a === NIL) return b;
    if (b === NIL) return a;
    if (this.#priority[a] > this.#priority[b]) {
      this.#right[a] = this.#merge(this.#right[a], b);
      this.#pull(a);
      return a;
    }
    this.#left[b] = this.#merge(a, this.#left[b]);
    this.#pull(b);
    return b;
  }

  /** Inserts node `n` unless its pair is held (then sets #flag, leaving the set as it was). */
  #insert(t: number, n: number): number {
    if (t === NIL) return n;
    const X = this.#x, Y = this.#y;
    const nx = X[n], ny = Y[n];
    if (X[t] === nx && Y[t] === ny) {
      this.#flag = true;
      return t;
    }
    if (this.#priority[n] > this.#priority[t]) {
      this.#split(t, nx, ny);
      // Both halves are valid treaps, so merging them back undoes the split.
      if (this.#flag) return this.#merge(this.#splitLeft, this.#splitRight);
      this.#left[n] = this.#splitLeft;
      this.#right[n] = this.#splitRight;
      this.#pull(n);
      return n;
    }
    if (before(nx, ny, X[t], Y[t])) this.#left[t] = this.#insert(this.#left[t], n);
    else this.#right[t] = this.#insert(this.#right[t], n);
    if (ny > this.#maxY[t]) this.#maxY[t] = ny;
    return t;
  }

  #delete(t: number, x: number, y: number): number {
    if (t === NIL) return NIL;
    const tx = this.#x[t], ty = this.#y[t];
    if (tx === x && ty === y) {
      this.#flag = true;
      this.#recycled.push(t);
      return this.#merge(this.#left[t], this.#right[t]);
    }
    if (before(x, y, tx, ty)) this.#left[t] = this.#delete(this.#left[t], x, y);
    else this.#right[t] = this.#delete(this.#right[t], x, y);
    // A y below the subtree's max leaves the max where it was.
    if (y >= this.#maxY[t]) this.#pull(t);
    return t;
  }

  #allocNode(x: number, y: number): number {
    let n = this.#recycled.pop();
    if (n === undefined) {
      if (this.#fresh === this.#x.length) this.#grow();
      n = this.#fresh++;
    }
    this.#x[n] = x;
    this.#y[n] = y;
    this.#maxY[n] = y;
    this.#priority[n] = this.#nextPriority();
    this.#left[n] = NIL;
    this.#right[n] = NIL;
    return n;
  }

  #grow(): void {
    this.#x = doubled(this.#x);
    this.#y = doubled(this.#y);
    this.#maxY = doubled(this.#maxY);
    this.#priority = doubled(this.#priority);
    this.#left = doubled(this.#left);
    this.#right = doubled(this.#right);
  }

  /** xorshift32: fast, seedable, and good enough to balance a treap. */
  #nextPriority(): number {
    let s = this.#seed;
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    this.#seed = s >>> 0;
    return this.#seed;
  }
}

function before(ax: number, ay: number, bx: number, by: number): boolean {
  return ax < bx || (ax === bx && ay < by);
}

/** A copy of `a` with twice the room; the new slots are zero. */
function doubled<T extends Float64Array | Uint32Array | Int32Array>(a: T): T {
  const b = new (a.constructor as new (length: number) => T)(a.length * 2);
  b.set(a);
  return b;
}
