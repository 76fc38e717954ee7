/**
 * The best-ranked candidate whose lifespan covers a section: the buffer the
 * `skyline` placer puts at the bottom of the section it fills next.
 *
 * @module
 */

/**
 * Items (buffers) over ranges of sections, each with a fixed rank (lower is
 * better); {@linkcode StabMin.best} answers the best-ranked live item whose
 * range covers a section. A range is kept in the O(log n) tree nodes that
 * tile it, each node a binary heap by rank. Removal is lazy: an item is live
 * while the `live` callback says so for the stint it was inserted with, and
 * dead entries are dropped as queries meet them, so an item may leave and be
 * inserted again with a new stint.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const rank = Int32Array.of(2, 0, 1); // item 1 is the best
 * const alive = new Set([0, 1, 2]);
 * const s = new StabMin(10, rank, (item) => alive.has(item));
 * s.insert(0, 10, 0, 0);
 * s.insert(0, 3, 1, 0);
 * s.insert(2, 6, 2, 0);
 * assert.equal(s.best(1), 1);
 * assert.equal(s.best(4), 2);
 * assert.equal(s.best(8), 0);
 * alive.delete(1);
 * assert.equal(s.best(2), 2);
 * ```
 */
export class StabMin {
  #n: number;
  #rank: Int32Array;
  #live: (item: number, stint: number) => boolean;
  #heaps: (number[] | undefined)[];
  #items: number;

  /**
   * `n` sections; `rank[item]` orders the items; `live(item, stint)` says
   * whether an entry inserted for that stint still counts.
   */
  constructor(n: number, rank: Int32Array, live: (item: number, stint: number) => boolean) {
    this.#n = Math.max(1, n);
    this.#rank = rank;
    this.#live = live;
    this.#heaps = new Array(4 * this.#n);
    this.#items = Math.max(1, rank.length);
  }

  /** Adds `item` (for its stint `stint`) over the sections `[from, to)`. */
  insert(from: number, to: number, item: number, stint: number): void {
    if (from < to) this.#insert(1, 0, this.#n, from, to, stint * this.#items + item);
  }

  /** The best-ranked live item covering section `s`, or -1. */
  best(s: number): number {
    let node = 1, l = 0, r = this.#n, best = -1;
    for (;;) {
      const top = this.#top(node);
      if (top >= 0 && (best < 0 || this.#rank[top] < this.#rank[best])) best = top;
      if (r - l === 1) return best;
      const m = (l + r) >> 1;
      if (s < m) {
        node = 2 * node;
        r = m;
      } else {
        node = 2 * node + 1;
        l = m;
      }
    }
  }

  #insert(node: number, l: number, r: number, a: number, b: number, entry: number): void {
    if (a <= l && r <= b) {
      const heap = this.#heaps[node] ??= [];
      heap.push(entry);
      this.#siftUp(heap, heap.length - 1);
      return;
    }
    const m = (l + r) >> 1;
    if (a < m) this.#insert(2 * node, l, m, a, b, entry);
    if (b > m) this.#insert(2 * node + 1, m, r, a, b, entry);
  }

  /** The live item at the top of a node's heap, dropping dead entries; -1 when empty. */
  #top(node: number): number {
    const heap = this.#heaps[node];
    if (heap === undefined) return -1;
    while (heap.length > 0) {
      const entry = heap[0], stint = Math.floor(entry / this.#items);
      const item = entry - stint * this.#items;
      if (this.#live(item, stint)) return item;
      const last = heap.pop()!;
      if (heap.length > 0) {
        heap[0] = last;
        this.#siftDown(heap, 0);
      }
    }
    return -1;
  }

  #key(entry: number): number {
    return this.#rank[entry % this.#items];
  }

  #siftUp(heap: number[], i: number): void {
    const e = heap[i], k = this.#key(e);
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.#key(heap[p]) <= k) break;
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = e;
  }

  #siftDown(heap: number[], i: number): void {
    const e = heap[i], k = this.#key(e), n = heap.length;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && this.#key(heap[c + 1]) < this.#key(heap[c])) c++;
      if (this.#key(heap[c]) >= k) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = e;
  }
}
