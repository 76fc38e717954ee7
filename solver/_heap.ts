/**
 * A binary min-heap of integer items ordered by two numeric keys, then by the
 * item itself, kept in typed arrays so a million entries cost no objects.
 *
 * It has no decrease-key: callers push a fresh entry when an item's keys change
 * and skip stale entries when they pop (lazy updates). That keeps every
 * operation O(log size) and the heap a few lines long.
 *
 * @module
 */

/**
 * Min-heap on `(key1, key2, item)` in lexicographic order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const h = new MinHeap();
 * h.push(7, 2, 0);
 * h.push(3, 5, 0);
 * assert.equal(h.pop(), 7); // its key1, 2, beats 5
 * assert.equal(h.poppedKey1, 2);
 * ```
 */
export class MinHeap {
  #item: Int32Array;
  #k1: Float64Array;
  #k2: Float64Array;
  #size = 0;
  #poppedK1 = 0;
  #poppedK2 = 0;

  constructor(capacity = 16) {
    const c = Math.max(1, capacity);
    this.#item = new Int32Array(c);
    this.#k1 = new Float64Array(c);
    this.#k2 = new Float64Array(c);
  }

  /** Number of entries, stale ones included. */
  get size(): number {
    return this.#size;
  }

  /** `key1` of the smallest entry; meaningless when the heap is empty. */
  get minKey1(): number {
    return this.#k1[0];
  }

  /** `key1` of the entry the last {@linkcode MinHeap.pop} returned. */
  get poppedKey1(): number {
    return this.#poppedK1;
  }

  /** `key2` of the entry the last {@linkcode MinHeap.pop} returned. */
  get poppedKey2(): number {
    return this.#poppedK2;
  }

  /** Adds an entry; the same item may be present several times. */
  push(item: number, key1: number, key2: number): void {
    if (this.#size === this.#item.length) this.#grow();
    const items = this.#item, k1 = this.#k1, k2 = this.#k2;
    let i = this.#size++;
    // Sift up with a hole instead of swaps.
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (!less(key1, key2, item, k1[p], k2[p], items[p])) break;
      items[i] = items[p];
      k1[i] = k1[p];
      k2[i] = k2[p];
      i = p;
    }
    items[i] = item;
    k1[i] = key1;
    k2[i] = key2;
  }

  /** Removes and returns the smallest item (its keys in `poppedKey1/2`); -1 when empty. */
  pop(): number {
    if (this.#size === 0) return -1;
    const items = this.#item, k1 = this.#k1, k2 = this.#k2;
    const top = items[0];
    this.#poppedK1 = k1[0];
    this.#poppedK2 = k2[0];
    const n = --this.#size;
    if (n === 0) return top;
    const item = items[n], key1 = k1[n], key2 = k2[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && less(k1[c + 1], k2[c + 1], items[c + 1], k1[c], k2[c], items[c])) c++;
      if (!less(k1[c], k2[c], items[c], key1, key2, item)) break;
      items[i] = items[c];
      k1[i] = k1[c];
      k2[i] = k2[c];
      i = c;
    }
    items[i] = item;
    k1[i] = key1;
    k2[i] = key2;
    return top;
  }

  #grow(): void {
    const c = this.#item.length * 2;
    const items = new Int32Array(c), k1 = new Float64Array(c), k2 = new Float64Array(c);
    items.set(this.#item);
    k1.set(this.#k1);
    k2.set(this.#k2);
    this.#item = items;
    this.#k1 = k1;
    this.#k2 = k2;
  }
}

function less(a1: number, a2: number, ai: number, b1: number, b2: number, bi: number): boolean {
  return a1 < b1 || (a1 === b1 && (a2 < b2 || (a2 === b2 && ai < bi)));
}
