/**
 * Best-fit: each request takes the smallest free range that fits, the lowest
 * address among equals.
 *
 * @module
 */
import type { AllocatorOptions } from "../allocator.ts";
import { ArenaAllocator } from "./arena.ts";

/**
 * A new best-fit allocator over one growable, coalescing arena (see
 * {@linkcode ArenaAllocator} for growth and alignment). O(log n) per call.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const a = createBestFit();
 * assert.equal(a.allocate(0, 100), 0);
 * assert.equal(a.allocate(1, 10), 100);
 * assert.equal(a.allocate(2, 40), 110);
 * assert.equal(a.allocate(3, 10), 150);
 * a.free(0); // hole [0, 100)
 * a.free(2); // hole [110, 150)
 * assert.equal(a.allocate(4, 30), 110); // the smaller hole that fits
 * ```
 */
export function createBestFit(options: AllocatorOptions = {}): ArenaAllocator {
  return new ArenaAllocator({ ...options, fit: "best-fit" });
}
