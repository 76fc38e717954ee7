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

  /** An empty table. */
  constructor(options: FailureTableOptions = {}) {
    this.#max = options.maxEntries ?? 1 << 21;
    // Most searches end without a failure: no room is taken until the first one.
    this.#a = this.#b = EMPTY;
    this.#mask = 0;
  }

  /** Number of keys held. */
  get size(): number {
    return this.#size;
  }

  /** Whether key (a, b) was added (since the table last filled up). */
  has(a: number, b: number): boolean {
    if (this.#size === 0) return false;
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
    if (2 * (this.#size + 1) > this.#a.length) this.#resize();
    const ka = this.#a, kb = this.#b, mask = this.#mask;
    let i = slot(a, b) & mask;
    for (; !(ka[i] === 0 && kb[i] === 0); i = (i + 1) & mask) {
      if (ka[i] === a && kb[i] === b) return;
    }
    ka[i] = a;
    kb[i] = b;
    this.#size++;
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

function slot(a: number, b: number): number {
  return Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b) >>> 7;
}
