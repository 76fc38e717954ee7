/**
 * Working arrays of the search, lent from one run to the next. A portfolio
 * restarts the search many times per part and a problem may have dozens of
 * parts; allocating some thirty arrays per run (and growing the trails again
 * from scratch each time) cost more than the search itself on parts that are
 * solved in a few hundred nodes.
 *
 * @module
 */

import { RangeMin } from "./_range_min.ts";

type Typed = Float64Array | Int32Array | Uint8Array;

/** Longest array kept between searches (8 MiB of Float64): larger ones are left to the GC. */
const KEEP_MAX = 1 << 20;

/**
 * The scratch shared by the searches of this thread: searches run to the end
 * synchronously, so one never borrows while another holds the arrays, and the
 * arrays (trails grown to the part size included) serve problem after problem.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(sharedScratch(), sharedScratch());
 * ```
 */
export function sharedScratch(): SearchScratch {
  return shared ??= new SearchScratch();
}

let shared: SearchScratch | undefined;

/**
 * Arrays by name, at least as long as asked; contents are whatever the last
 * borrower left. One search at a time may use a scratch.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const s = new SearchScratch();
 * const a = s.take("h", 10, Float64Array);
 * assert.ok(a.length >= 10);
 * assert.equal(s.take("h", 8, Float64Array), a); // long enough: lent again
 * s.give("h", new Float64Array(100));
 * assert.equal(s.take("h", 50, Float64Array).length, 100);
 * ```
 */
export class SearchScratch {
  #arrays = new Map<string, Typed>();
  #ranges: RangeMin | undefined;

  /** The array named `key`, of at least `length` elements (a new one if none is). */
  take<A extends Typed>(key: string, length: number, make: new (n: number) => A): A {
    const a = this.#arrays.get(key) as A | undefined;
    if (a !== undefined && a.length >= length && a instanceof make) return a;
    const b = new make(Math.max(length, a === undefined ? 0 : a.length));
    this.give(key, b);
    return b;
  }

  /**
   * Keeps `a` (grown by its borrower) under `key` for the next one, unless it
   * is too large to hold on to between searches.
   */
  give(key: string, a: Typed): void {
    if (a.length <= KEEP_MAX) this.#arrays.set(key, a);
    else this.#arrays.delete(key);
  }

  /** A {@linkcode RangeMin} over at least `size` positions (it is left clean after each flush). */
  ranges(size: number): RangeMin {
    if (this.#ranges === undefined || this.#ranges.size < size) this.#ranges = new RangeMin(size);
    return this.#ranges;
  }
}
