/**
 * Tensor and buffer sizes: mostly positive, sometimes zero (FORMAT.md allows
 * size 0, which occupies no memory and trips up careless code).
 *
 * @module
 */
import fc from "npm:fast-check@4.10.2";

/** Constraints of {@linkcode arbSize}. */
export interface SizeConstraints {
  /** Largest size; default 64. */
  maxSize?: number;
  /** Chance of a zero size, in percent; default 8. */
  zeroPercent?: number;
}

/**
 * A size in `[0, maxSize]`, zero with the given chance.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import fc from "npm:fast-check@4.10.2";
 * const sizes = fc.sample(arbSize({ maxSize: 10 }), { numRuns: 5, seed: 1 }); // e.g. [3, 0, 10, 7, 1]
 * assert.ok(sizes.every((s) => Number.isInteger(s) && s >= 0 && s <= 10));
 * ```
 */
export function arbSize(c: SizeConstraints = {}): fc.Arbitrary<number> {
  const maxSize = c.maxSize ?? 64;
  const zero = c.zeroPercent ?? 8;
  if (maxSize < 1 || zero >= 100) return fc.constant(0);
  if (zero <= 0) return fc.integer({ min: 1, max: maxSize });
  return fc.oneof(
    { weight: zero, arbitrary: fc.constant(0) },
    { weight: 100 - zero, arbitrary: fc.integer({ min: 1, max: maxSize }) },
  );
}
