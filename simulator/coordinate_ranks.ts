/**
 * Coordinate compression: the rank of every value among the distinct values,
 * so a Fenwick tree can be indexed by address.
 *
 * Addresses are non-negative integers below 2^53; for those an LSD radix sort
 * on 11-bit digits, carrying each value's position along, ranks two million
 * values in about a third of the time of `Float64Array.sort` followed by a
 * binary search per value, and skips the digits every value shares (an arena
 * of a few GiB has no bits above 2^32). Anything else (negative or fractional
 * offsets from an in-memory caller) takes the sort-and-search path.
 *
 * @module
 */

import { radixSort, radixSortable } from "../graph/sorted_order.ts";

/**
 * Ranks of `values`: `rank[i]` is the number of distinct values below
 * `values[i]`; `distinct` is how many distinct values there are.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(coordinateRanks(Float64Array.from([40, 8, 40, 0])), {
 *   rank: Int32Array.from([2, 1, 2, 0]),
 *   distinct: 3,
 * });
 * ```
 */
export function coordinateRanks(values: Float64Array): { rank: Int32Array; distinct: number } {
  return radixSortable(values) ? ranksByRadix(values) : ranksBySearch(values);
}

function ranksByRadix(values: Float64Array): { rank: Int32Array; distinct: number } {
  const n = values.length;
  const { lo, hi, pos } = radixSort(values);
  const high = hi.length > 0; // no high words: every value is below 2^32
  const rank = new Int32Array(n);
  let r = -1;
  for (let j = 0; j < n; j++) {
    if (j === 0 || lo[j] !== lo[j - 1] || (high && hi[j] !== hi[j - 1])) r++;
    rank[pos[j]] = r;
  }
  return { rank, distinct: r + 1 };
}

function ranksBySearch(values: Float64Array): { rank: Int32Array; distinct: number } {
  const sorted = Float64Array.from(values).sort();
  let u = 0;
  for (let i = 0; i < sorted.length; i++) {
    if (i === 0 || sorted[i] !== sorted[u - 1]) sorted[u++] = sorted[i];
  }
  const rank = new Int32Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const x = values[i];
    let lo = 0, hi = u - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (sorted[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    rank[i] = lo;
  }
  return { rank, distinct: u };
}
