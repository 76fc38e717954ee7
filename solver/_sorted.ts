/**
 * Searches in sorted `Float64Array`s, shared by the placers' sweeps.
 *
 * @module
 */

/**
 * Number of values `< x` in sorted `a` (the first index whose value is `>= x`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(countBelow(Float64Array.from([1, 3, 3, 7]), 3), 1);
 * ```
 */
export function countBelow(a: Float64Array, x: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Number of values `<= x` in sorted `a` (the first index whose value is `> x`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(countAtMost(Float64Array.from([1, 3, 3, 7]), 3), 3);
 * ```
 */
export function countAtMost(a: Float64Array, x: number): number {
  let lo = 0, hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (a[mid] <= x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * The distinct values of `xs`, ascending.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(distinctSorted([7, 1, 3, 1]), Float64Array.from([1, 3, 7]));
 * ```
 */
export function distinctSorted(xs: ArrayLike<number>): Float64Array {
  const a = Float64Array.from(xs).sort();
  let m = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) a[m++] = a[i];
  return a.slice(0, m);
}
