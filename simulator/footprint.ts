/**
 * The bytes a bump arena would have to hold at each step: the highest
 * `offset + size` among the tensors resident then.
 *
 * @module
 */

/**
 * Per step, the top of the highest resident allocation (0 where nothing is
 * resident). A max-heap with lazy deletion: an entry leaves once its last step
 * has passed, so the whole sweep is O(T log T).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // a [0, 1] at 0 (size 8), b [1, 3] at 8 (size 4), c [3, 3] at 0 (size 2)
 * const tops = footprint({
 *   first: Int32Array.from([0, 1, 3]),
 *   last: Int32Array.from([1, 3, 3]),
 *   offsets: Float64Array.from([0, 8, 0]),
 *   sizes: Float64Array.from([8, 4, 2]),
 *   steps: 4,
 * });
 * assert.deepEqual(tops, Float64Array.from([8, 12, 12, 12]));
 * ```
 */
export function footprint(input: {
  first: Int32Array;
  last: Int32Array;
  offsets: Float64Array;
  sizes: Float64Array;
  steps: number;
}): Float64Array {
  const { first, last, offsets, sizes, steps } = input;
  const T = sizes.length;
  const startCount = new Int32Array(steps + 1);
  for (let t = 0; t < T; t++) if (sizes[t] > 0 && first[t] < steps) startCount[first[t] + 1]++;
  for (let s = 0; s < steps; s++) startCount[s + 1] += startCount[s];
  const fill = startCount.slice(0, steps);
  const byFirst = new Int32Array(startCount[steps]);
  for (let t = 0; t < T; t++) if (sizes[t] > 0 && first[t] < steps) byFirst[fill[first[t]]++] = t;
  const heap = new Int32Array(byFirst.length);
  let n = 0;
  const top = (t: number) => offsets[t] + sizes[t];
  const push = (t: number) => {
    let i = n++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (top(heap[p]) >= top(t)) break;
      heap[i] = heap[p];
      i = p;
    }
    heap[i] = t;
  };
  const pop = () => {
    const x = heap[--n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && top(heap[c + 1]) > top(heap[c])) c++;
      if (top(heap[c]) <= top(x)) break;
      heap[i] = heap[c];
      i = c;
    }
    heap[i] = x;
  };
  const out = new Float64Array(steps);
  for (let s = 0; s < steps; s++) {
    for (let k = startCount[s]; k < startCount[s + 1]; k++) push(byFirst[k]);
    while (n > 0 && last[heap[0]] < s) pop();
    out[s] = n > 0 ? top(heap[0]) : 0;
  }
  return out;
}
