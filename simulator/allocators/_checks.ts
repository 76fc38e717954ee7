/**
 * Argument checks shared by the allocator models: a bad size or alignment is
 * a bug in the caller, so it throws rather than producing a wrong layout.
 *
 * @module
 */

/**
 * Returns `alignment` if it is a positive safe integer; throws a RangeError otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(checkAlignment(64), 64);
 * assert.throws(() => checkAlignment(0), RangeError);
 * ```
 */
export function checkAlignment(alignment: number): number {
  if (!Number.isSafeInteger(alignment) || alignment < 1) {
    throw new RangeError(`alignment must be a positive safe integer, got ${alignment}`);
  }
  return alignment;
}

/**
 * Throws a RangeError unless `size` is a positive safe integer: the replay
 * only asks for tensors of positive size.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * checkSize(4096); // ok
 * assert.throws(() => checkSize(0), RangeError);
 * ```
 */
export function checkSize(size: number): void {
  if (!Number.isSafeInteger(size) || size < 1) {
    throw new RangeError(`size must be a positive safe integer, got ${size}`);
  }
}

/**
 * Rounds `n` up to a multiple of `unit`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(roundUp(1000, 512), 1024);
 * ```
 */
export function roundUp(n: number, unit: number): number {
  return Math.ceil(n / unit) * unit;
}
