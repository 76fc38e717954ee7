/**
 * A k-way merge of unions of address ranges, for walking the ranges of
 * several unions in address order.
 *
 * @module
 */
import type { IntervalUnion } from "./_interval_union.ts";

/**
 * A min-heap holding one cursor per union, keyed by the start of the range it
 * points at: popping in turn merges several unions' ranges in address order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { IntervalUnion } from "./_interval_union.ts";
 * const a = new IntervalUnion(), b = new IntervalUnion();
 * a.add(0, 2); a.add(6, 8); b.add(3, 5);
 * const h = new CursorHeap();
 * h.reset([a, b]);
 * const starts = [];
 * while (h.size > 0) { starts.push(h.minStart); h.advance(); }
 * assert.deepEqual(starts, [0, 3, 6]);
 * ```
 */
export class CursorHeap {
  #sets: IntervalUnion[] = [];
  #set = new Int32Array(64);
  #pos = new Int32Array(64);
  #start = new Float64Array(64);
  #size = 0;

  /** Unions with ranges left. */
  get size(): number {
    return this.#size;
  }

  /** Start of the lowest range under a cursor. */
  get minStart(): number {
    return this.#start[0];
  }

  /** End of that range. */
  get minEnd(): number {
    return this.#sets[this.#set[0]].end(this.#pos[0]);
  }

  /** Puts a cursor on the first range of each union (the array is kept, not copied). */
  reset(sets: IntervalUnion[]): void {
    this.#sets = sets;
    if (sets.length > this.#set.length) {
      this.#set = new Int32Array(2 * sets.length);
      this.#pos = new Int32Array(2 * sets.length);
      this.#start = new Float64Array(2 * sets.length);
    }
    this.#size = 0;
    for (let i = 0; i < sets.length; i++) {
      if (sets[i].count === 0) continue;
      const k = this.#size++;
      this.#set[k] = i;
      this.#pos[k] = 0;
      this.#start[k] = sets[i].start(0);
    }
    for (let k = (this.#size >> 1) - 1; k >= 0; k--) this.#siftDown(k);
  }

  /** Moves the smallest cursor to its set's next range (dropping the set at its end). */
  advance(): void {
    const s = this.#sets[this.#set[0]];
    const p = ++this.#pos[0];
    if (p < s.count) this.#start[0] = s.start(p);
    else {
      const last = --this.#size;
      this.#set[0] = this.#set[last];
      this.#pos[0] = this.#pos[last];
      this.#start[0] = this.#start[last];
    }
    this.#siftDown(0);
  }

  #siftDown(k: number): void {
    const set = this.#set, pos = this.#pos, start = this.#start, n = this.#size;
    const s0 = set[k], p0 = pos[k], v0 = start[k];
    for (;;) {
      let c = 2 * k + 1;
      if (c >= n) break;
      if (c + 1 < n && start[c + 1] < start[c]) c++;
      if (start[c] >= v0) break;
      set[k] = set[c];
      pos[k] = pos[c];
      start[k] = start[c];
      k = c;
    }
    set[k] = s0;
    pos[k] = p0;
    start[k] = v0;
  }
}
