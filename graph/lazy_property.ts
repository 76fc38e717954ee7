/**
 * A property made only when first read: a problem's buffer objects (kept as
 * columns), a plan's offsets object (kept as an array or as text). Read or
 * written, it becomes a plain property holding that value, and `forget`
 * runs: from then on the property, not what it was made from, is the truth.
 *
 * @module
 */

/**
 * Defines `key` on `target` (enumerable, in its place among the keys) as
 * `make()` when first read; reading or writing it settles it as a plain
 * property and calls `forget`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const o: { a?: number[] } = {};
 * let made = 0, forgotten = 0;
 * lazyProperty(o, "a", () => (made++, [1, 2]), () => forgotten++);
 * assert.equal(made, 0);
 * assert.deepEqual(o.a, [1, 2]);
 * assert.deepEqual(o.a, [1, 2]);
 * assert.deepEqual([made, forgotten], [1, 1]);
 * ```
 */
export function lazyProperty<T>(
  target: object,
  key: string,
  make: () => T,
  forget: () => void = () => {},
): void {
  const settle = (value: T) => {
    forget();
    Object.defineProperty(target, key, {
      value,
      enumerable: true,
      writable: true,
      configurable: true,
    });
    return value;
  };
  Object.defineProperty(target, key, {
    enumerable: true,
    configurable: true,
    get: () => settle(make()),
    set: (value: T) => settle(value),
  });
}
