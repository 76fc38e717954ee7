/**
 * First-fit: each request takes the lowest-address free range that fits.
 *
 * @module
 */
import type { AllocatorOptions } from "../allocator.ts";
import { ArenaAllocator } from "./arena.ts";

/**
 * A new first-fit allocator over one growable, coalescing arena (see
 * {@linkcode ArenaAllocator} for growth and alignment). O(log n) per call.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const a = createFirstFit();
 * assert.equal(a.allocate(0, 100), 0);
 * assert.equal(a.allocate(1, 10), 100);
 * assert.equal(a.allocate(2, 50), 110);
 * a.free(0); // hole [0, 100)
 * assert.equal(a.allocate(3, 30), 0); // the lowest hole that fits
 * ```
 */
export function createFirstFit(options: AllocatorOptions = {}): ArenaAllocator {
  return new ArenaAllocator({ ...options, fit: "first-fit" });
}
