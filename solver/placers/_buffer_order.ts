/**
 * Sorting buffer indices by a list of keys, the one thing the greedy placers do
 * differently.
 *
 * @module
 */
import { radixSortable, sortedOrder } from "../../graph/sorted_order.ts";
import { fresh, type Scratch } from "../../graph/scratch.ts";
import { problemColumns } from "../../graph/problem_columns.ts";
import type { PlacementProblem } from "../../graph/types.ts";

/**
 * Indices `0 … n-1` sorted by `keys[0]` descending, then `keys[1]` descending,
 * and so on, then by index (so the order is deterministic). Pass negated values
 * for an ascending key.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const order = orderByKeysDescending(3, [Float64Array.from([1, 5, 5]), Float64Array.from([0, 1, 2])]);
 * assert.deepEqual(order, Int32Array.from([2, 1, 0]));
 * ```
 */
export function orderByKeysDescending(n: number, keys: readonly Float64Array[]): Int32Array {
  const byFirst = keys.length > 0 ? countingOrder(n, keys[0]) : undefined;
  if (byFirst === undefined) {
    const order = new Int32Array(n);
    for (let i = 0; i < n; i++) order[i] = i;
    return order.sort((a, b) => compareFrom(keys, 0, a, b));
  }
  return sortTies(byFirst, keys[0], (a, b) => compareFrom(keys, 1, a, b));
}

/**
 * `order`, sorted by `key` already, with each run of equal keys sorted by
 * `compare`: runs are short (buffers starting at the same step), so a few
 * comparisons each instead of a comparator sort of all n (0.2 s at a million
 * buffers).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const key = Float64Array.from([1, 0, 1]);
 * const order = sortTies(Int32Array.from([1, 0, 2]), key, (a, b) => b - a);
 * assert.deepEqual(order, Int32Array.from([1, 2, 0]));
 * ```
 */
export function sortTies(
  order: Int32Array,
  key: Float64Array,
  compare: (a: number, b: number) => number,
): Int32Array {
  const n = order.length;
  for (let s = 0; s < n;) {
    const v = key[order[s]];
    let e = s + 1;
    while (e < n && key[order[e]] === v) e++;
    if (e - s > 16) order.subarray(s, e).sort(compare);
    else {
      for (let i = s + 1; i < e; i++) {
        const x = order[i];
        let j = i - 1;
        for (; j >= s && compare(order[j], x) > 0; j--) order[j + 1] = order[j];
        order[j + 1] = x;
      }
    }
    s = e;
  }
  return order;
}

/** The comparator of {@linkcode orderByKeysDescending} from key `from` on. */
function compareFrom(keys: readonly Float64Array[], from: number, a: number, b: number): number {
  for (let j = from; j < keys.length; j++) {
    const k = keys[j];
    const d = k[b] - k[a];
    if (d !== 0) return d;
  }
  return a - b;
}

/**
 * The indices `i` with `keep[i] > 0` (all, without `keep`) by `key`
 * ascending, ties in index order, by a counting sort: when the keys are
 * integers within a range of 4m + 1024 (m indices kept; step numbers always
 * are), else undefined. Without copying or negating the key, as
 * {@linkcode countingOrder} needs: at a million buffers each copy is 8 MB of
 * fresh memory, about 20 ms of page faults on a virtual machine.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const key = Float64Array.from([3, 1, 3, 2]);
 * assert.deepEqual(countingOrderAscending(key), Int32Array.from([1, 3, 0, 2]));
 * assert.deepEqual(countingOrderAscending(key, Float64Array.from([8, 0, 8, 8])), Int32Array.from([3, 0, 2]));
 * assert.equal(countingOrderAscending(Float64Array.from([0, 1e12])), undefined); // too far apart
 * ```
 */
export function countingOrderAscending(
  key: Float64Array,
  keep?: Float64Array,
  mem: Scratch = fresh,
): Int32Array | undefined {
  const n = key.length;
  let lo = Infinity, hi = -Infinity, m = 0;
  for (let i = 0; i < n; i++) {
    if (keep !== undefined && !(keep[i] > 0)) continue;
    const v = key[i];
    if (!Number.isInteger(v)) return undefined;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
    m++;
  }
  if (m === 0) return new Int32Array(0);
  if (hi - lo > 4 * m + 1024) return undefined;
  return countedOrder(key, { lo, hi, m, descending: false, keep }, mem);
}

/**
 * Indices `0 … n-1` by `key` descending, ties in index order, when every key
 * is an integer: by a counting sort when their range is at most 4n + 1024
 * (step numbers, as in every placement problem read from a schedule), else
 * by a radix sort (times far apart); undefined for other keys.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(countingOrder(3, Float64Array.from([0, -2, 0])), Int32Array.from([0, 2, 1]));
 * assert.deepEqual(countingOrder(3, Float64Array.from([0, 1e12, 0])), Int32Array.from([1, 0, 2]));
 * assert.equal(countingOrder(2, Float64Array.from([0, 0.5])), undefined); // not integers
 * ```
 */
export function countingOrder(n: number, key: Float64Array): Int32Array | undefined {
  let lo = Infinity, hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = key[i];
    if (!Number.isInteger(v)) return undefined;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (n === 0) return new Int32Array(0);
  if (hi - lo > 4 * n + 1024) {
    // hi - key: non-negative, ascending where the key descends.
    const flipped = new Float64Array(n);
    for (let i = 0; i < n; i++) flipped[i] = hi - key[i];
    return radixSortable(flipped) ? sortedOrder(flipped) : undefined;
  }
  return countedOrder(key.subarray(0, n), { lo, hi, m: n, descending: true });
}

/**
 * The counting sort of {@linkcode countingOrder} and
 * {@linkcode countingOrderAscending}: the `m` indices kept (`keep[i] > 0`,
 * all without `keep`) by integer keys within `[lo, hi]`, ascending or
 * descending, ties in index order.
 */
function countedOrder(
  key: Float64Array,
  o: { lo: number; hi: number; m: number; descending: boolean; keep?: Float64Array },
  mem: Scratch = fresh,
): Int32Array {
  const { keep } = o;
  // The bucket of a key: key - lo ascending, hi - key descending.
  const sign = o.descending ? -1 : 1, base = o.descending ? o.hi : -o.lo;
  const start = mem.int32(o.hi - o.lo + 2);
  for (let i = 0; i < key.length; i++) {
    if (keep === undefined || keep[i] > 0) start[sign * key[i] + base + 1]++;
  }
  for (let r = 1; r < start.length; r++) start[r] += start[r - 1];
  const order = mem.int32(o.m, false);
  for (let i = 0; i < key.length; i++) {
    if (keep === undefined || keep[i] > 0) order[start[sign * key[i] + base]++] = i;
  }
  return order;
}

/**
 * One key per buffer from a function of the buffer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 2, size: 4 }, { id: "b", lower: 1, upper: 3, size: 8 }] };
 * assert.deepEqual(keyOf(problem, (b) => b.size), Float64Array.from([4, 8]));
 * ```
 */
export function keyOf(problem: PlacementProblem, f: (b: BufferTimes) => number): Float64Array {
  // From the columns, through one view: a problem read into columns keeps
  // them (its buffer objects, a million at a time, are never built).
  const { lower, upper, size } = problemColumns(problem);
  const out = new Float64Array(size.length);
  const view = { lower: 0, upper: 0, size: 0 };
  for (let i = 0; i < out.length; i++) {
    view.lower = lower[i];
    view.upper = upper[i];
    view.size = size[i];
    out[i] = f(view);
  }
  return out;
}

/** What a key of {@linkcode keyOf} sees of a buffer. */
export interface BufferTimes {
  lower: number;
  upper: number;
  size: number;
}
