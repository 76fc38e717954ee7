/**
 * The free ranges of one address space, always fully coalesced: no two held
 * ranges touch or overlap. Backs the first-fit and best-fit arenas.
 *
 * @module
 */
import { OrderedPairs, type Pair } from "./_ordered_pairs.ts";

/** A free byte range `[start, start + length)`. */
export interface FreeRange {
  readonly start: number;
  readonly length: number;
}

/** Options of {@linkcode FreeRanges}. */
export interface FreeRangesOptions {
  /**
   * Also index the ranges by `(length, start)`, which {@linkcode FreeRanges.bestFit}
   * needs; off by default because it doubles the cost of every update.
   */
  bySize?: boolean;
}

/**
 * A coalescing set of free ranges with O(log n) first-fit and best-fit search.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const free = new FreeRanges({ bySize: true });
 * free.add(0, 64);
 * free.add(128, 16);
 * free.add(64, 16); // touches [0, 64): now [0, 80) and [128, 144)
 * assert.deepEqual(free.firstFit(10), { start: 0, length: 80 });
 * assert.deepEqual(free.bestFit(10), { start: 128, length: 16 });
 * free.remove(0, 10); // [10, 80) and [128, 144) stay free
 * assert.deepEqual(free.firstFit(10), { start: 10, length: 70 });
 * ```
 */
export class FreeRanges {
  readonly #byAddress = new OrderedPairs(); // (start, length)
  readonly #bySize: OrderedPairs | null; // (length, start)
  #bytes = 0;

  constructor(options: FreeRangesOptions = {}) {
    this.#bySize = options.bySize ? new OrderedPairs(0x6b43a9b5) : null;
  }

  /** Number of (coalesced) ranges. */
  get count(): number {
    return this.#byAddress.size;
  }

  /** Total free bytes. */
  get bytes(): number {
    return this.#bytes;
  }

  /**
   * Marks `[start, start + length)` free, merging it with the free ranges it
   * touches; returns the merged range. Throws a RangeError if any of it is
   * already free (a double free would otherwise corrupt the set silently).
   */
  add(start: number, length: number): FreeRange {
    checkRange(start, length);
    const end = start + length;
    const prev = this.#byAddress.floor(start);
    if (prev !== undefined && prev.x + prev.y > start) throw overlap(start, end, prev);
    const next = this.#byAddress.ceiling(start);
    if (next !== undefined && next.x < end) throw overlap(start, end, next);
    const joinsPrev = prev !== undefined && prev.x + prev.y === start;
    const joinsNext = next !== undefined && next.x === end;
    // Growing a range in place keeps its rank among ranges by address, so
    // only the size index needs a delete and an insert.
    let merged: FreeRange;
    if (joinsPrev && joinsNext) {
      this.#unlink(next.x, next.y);
      merged = this.#resize(prev, prev.x, next.x + next.y - prev.x);
    } else if (joinsPrev) {
      merged = this.#resize(prev, prev.x, end - prev.x);
    } else if (joinsNext) {
      merged = this.#resize(next, start, next.x + next.y - start);
    } else {
      this.#link(start, length);
      merged = { start, length };
    }
    this.#bytes += length;
    return merged;
  }

  /**
   * Marks `[start, start + length)` in use; it must lie inside one free range
   * (throws a RangeError otherwise). What is left of that range stays free.
   */
  remove(start: number, length: number): void {
    checkRange(start, length);
    const end = start + length;
    const r = this.#byAddress.floor(start);
    if (r === undefined || r.x + r.y < end) {
      throw new RangeError(`[${start}, ${end}) is not inside one free range`);
    }
    const rEnd = r.x + r.y;
    if (r.x < start) {
      this.#resize(r, r.x, start - r.x);
      if (end < rEnd) this.#link(end, rEnd - end);
    } else if (end < rEnd) {
      this.#resize(r, end, rEnd - end);
    } else {
      this.#unlink(r.x, r.y);
    }
    this.#bytes -= length;
  }

  /** The lowest-address range of at least `length` bytes. */
  firstFit(length: number): FreeRange | undefined {
    const p = this.#byAddress.firstWithYAtLeast(length);
    return p === undefined ? undefined : { start: p.x, length: p.y };
  }

  /** The smallest range of at least `length` bytes, the lowest-address one among equals. */
  bestFit(length: number): FreeRange | undefined {
    if (this.#bySize === null) throw new Error("FreeRanges: bestFit needs { bySize: true }");
    const p = this.#bySize.ceiling(length);
    return p === undefined ? undefined : { start: p.y, length: p.x };
  }

  /** The highest-address range. */
  last(): FreeRange | undefined {
    const p = this.#byAddress.max();
    return p === undefined ? undefined : { start: p.x, length: p.y };
  }

  /** Every range in address order. */
  *[Symbol.iterator](): IterableIterator<FreeRange> {
    for (const p of this.#byAddress) yield { start: p.x, length: p.y };
  }

  #link(start: number, length: number): void {
    this.#byAddress.insert(start, length);
    this.#bySize?.insert(length, start);
  }

  /** Moves range `r` to `[start, start + length)`, which must not pass another range. */
  #resize(r: Pair, start: number, length: number): FreeRange {
    this.#byAddress.update(r.x, r.y, start, length);
    if (this.#bySize !== null) {
      this.#bySize.delete(r.y, r.x);
      this.#bySize.insert(length, start);
    }
    return { start, length };
  }

  #unlink(start: number, length: number): void {
    this.#byAddress.delete(start, length);
    this.#bySize?.delete(length, start);
  }
}

function checkRange(start: number, length: number): void {
  if (!Number.isSafeInteger(start) || start < 0 || !Number.isSafeInteger(length) || length <= 0) {
    throw new RangeError(`bad range: start ${start}, length ${length}`);
  }
}

function overlap(start: number, end: number, p: { x: number; y: number }): RangeError {
  return new RangeError(`[${start}, ${end}) overlaps free range [${p.x}, ${p.x + p.y})`);
}
