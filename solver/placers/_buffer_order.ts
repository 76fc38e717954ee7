/**
 * Sorting buffer indices by a list of keys, the one thing the greedy placers do
 * differently.
 *
 * @module
 */

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
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => {
    for (const k of keys) {
      const d = k[b] - k[a];
      if (d !== 0) return d;
    }
    return a - b;
  });
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
export function keyOf<B>(problem: { buffers: B[] }, f: (b: B) => number): Float64Array {
  const out = new Float64Array(problem.buffers.length);
  for (let i = 0; i < out.length; i++) out[i] = f(problem.buffers[i]);
  return out;
}
