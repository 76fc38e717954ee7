/**
 * A set of 64-bit keys (two 32-bit halves) of search states proved to have no
 * completion, so that the search does not explore the same dead state twice.
 *
 * Different partial placements often leave the same state: the same skyline
 * (top and topmost buffer per section), the same unplaced buffers, water level
 * and exclusions. Whether such a state can be completed depends on nothing
 * else, so one refutation serves every path that reaches it again — and every
 * later restart of the portfolio at the same capacity, whatever its heuristic.
 *
 * Keys are hashes: two different states share one with odds about
 * (entries × lookups) / 2^64, below 10^-6 for the tables a 10-minute search
 * fills.
 *
 * Shared between threads (`toShared`, `onShared`) the table is one fixed
 * block that both the search and its helper on the second core read and
 * fill without locks. A key is written as two words, so a reader may meet
 * one half written: it reads that slot as some other key and probes on; two
 * writers racing for one slot may leave a mix of their keys, as unlikely to
 * equal a real state's key as any hash, and lose one refutation (not a
 * soundness matter). A full shared table takes no more keys.
 *
 * @module
 */

/** Options of {@linkcode FailureTable}. */
export interface FailureTableOptions {
  /** Most keys kept; when full, the table is emptied and refilled. Default 2^21. */
  maxEntries?: number;
}

/**
 * Open addressing over two Int32Arrays; key (0, 0) is stored as (0, 1).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const t = new FailureTable();
 * t.add(7, -3);
 * assert.ok(t.has(7, -3));
 * assert.ok(!t.has(7, 3));
 * assert.equal(t.size, 1);
 * ```
 */
export class FailureTable {
  #a: Int32Array;
  #b: Int32Array;
  #mask: number;
  #size = 0;
  #max: number;
  #count: Int32Array | undefined; // shared: [keys held], counted by both threads
  #shared: SharedArrayBuffer | undefined;

  /** An empty table. */
  constructor(options: FailureTableOptions = {}) {
    this.#max = options.maxEntries ?? 1 << 21;
    // Most searches end without a failure: no room is taken until the first one.
    this.#a = this.#b = EMPTY;
    this.#mask = 0;
  }

  /** Number of keys held. */
  get size(): number {
    return this.#count === undefined ? this.#size : Atomics.load(this.#count, 0);
  }

  /**
   * Moves the keys into shared memory, returned for another thread's
   * {@linkcode FailureTable.onShared}; from then on this table and that one
   * are the same table, of fixed room (`maxEntries` keys). Called again, it
   * returns the same block.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * const t = new FailureTable({ maxEntries: 64 });
   * t.add(1, 2);
   * const other = FailureTable.onShared(t.toShared());
   * other.add(3, 4);
   * assert.ok(t.has(3, 4) && other.has(1, 2));
   * assert.equal(t.size, 2);
   * assert.equal(t.toShared(), other.toShared());
   * ```
   */
  toShared(): SharedArrayBuffer {
    if (this.#shared !== undefined) return this.#shared;
    const n = sharedSlots(this.#max);
    const shared = new SharedArrayBuffer(4 * (1 + 2 * n));
    const old = this.#keys();
    this.#attach(shared);
    for (const [a, b] of old) this.add(a, b);
    return shared;
  }

  /** A table over the shared block of another's {@linkcode FailureTable.toShared}. */
  static onShared(shared: SharedArrayBuffer): FailureTable {
    const t = new FailureTable();
    t.#attach(shared);
    return t;
  }

  #attach(shared: SharedArrayBuffer): void {
    const n = (shared.byteLength / 4 - 1) / 2;
    this.#shared = shared;
    this.#count = new Int32Array(shared, 0, 1);
    this.#a = new Int32Array(shared, 4, n);
    this.#b = new Int32Array(shared, 4 + 4 * n, n);
    this.#mask = n - 1;
    this.#max = n / 2;
    this.#size = 0;
  }

  #keys(): [number, number][] {
    const out: [number, number][] = [];
    for (let i = 0; i < this.#a.length; i++) {
      if (this.#a[i] !== 0 || this.#b[i] !== 0) out.push([this.#a[i], this.#b[i]]);
    }
    return out;
  }

  /** Whether key (a, b) was added (since the table last filled up). */
  has(a: number, b: number): boolean {
    if (this.#size === 0 && this.#count === undefined) return false;
    if ((a | b) === 0) b = 1;
    const ka = this.#a, kb = this.#b, mask = this.#mask;
    for (let i = slot(a, b) & mask;; i = (i + 1) & mask) {
      if (ka[i] === a && kb[i] === b) return true;
      if (ka[i] === 0 && kb[i] === 0) return false;
    }
  }

  /** Adds key (a, b). */
  add(a: number, b: number): void {
    if ((a | b) === 0) b = 1;
    if (this.#count !== undefined) {
      // Shared: fixed room, counted by both threads.
      if (Atomics.load(this.#count, 0) < this.#max && this.#insert(a, b)) {
        Atomics.add(this.#count, 0, 1);
      }
      return;
    }
    if (2 * (this.#size + 1) > this.#a.length) this.#resize();
    if (this.#insert(a, b)) this.#size++;
  }

  /** Writes key (a, b) into its slot; false when it was there already. */
  #insert(a: number, b: number): boolean {
    const ka = this.#a, kb = this.#b, mask = this.#mask;
    let i = slot(a, b) & mask;
    for (; !(ka[i] === 0 && kb[i] === 0); i = (i + 1) & mask) {
      if (ka[i] === a && kb[i] === b) return false;
    }
    ka[i] = a;
    kb[i] = b;
    return true;
  }

  #resize(): void {
    const oldA = this.#a, oldB = this.#b;
    if (this.#size >= this.#max) {
      // Full: forget everything rather than grow without bound.
      oldA.fill(0);
      oldB.fill(0);
      this.#size = 0;
      return;
    }
    const n = Math.max(1024, oldA.length * 2);
    this.#a = new Int32Array(n);
    this.#b = new Int32Array(n);
    this.#mask = n - 1;
    this.#size = 0;
    for (let i = 0; i < oldA.length; i++) {
      if (oldA[i] !== 0 || oldB[i] !== 0) this.add(oldA[i], oldB[i]);
    }
  }
}

const EMPTY = new Int32Array(0);

/** Slots of a shared table of at most `max` keys: a power of two, at least twice that. */
function sharedSlots(max: number): number {
  let n = 1024;
  while (n < 2 * max) n *= 2;
  return n;
}

function slot(a: number, b: number): number {
  return Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) >>> 7;
}
