/**
 * Lifetimes under a schedule: FORMAT.md §2, implemented here and nowhere else.
 *
 * @module
 */
import type { IndexedGraph } from "./indexed_graph.ts";
import { KIND } from "./kind_codes.ts";
import type { Lifetimes, Schedule } from "./types.ts";

/**
 * The program order: op `i` at step `i`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "./load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json"); // 4 ops
 * assert.deepEqual(programOrder(g), Int32Array.from([0, 1, 2, 3]));
 * ```
 */
export function programOrder(g: IndexedGraph): Schedule {
  const order = new Int32Array(g.opCount);
  for (let i = 0; i < order.length; i++) order[i] = i;
  return order;
}

/**
 * Step of every op under `order` (the inverse permutation); -1 for an op the
 * order leaves out. Later duplicates win, which only matters for orders the
 * simulator already reports as not a permutation.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "./load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json"); // ops f1..f4
 * assert.deepEqual(stepsOf(g, Int32Array.from([1, 0])), Int32Array.from([1, 0, -1, -1]));
 * ```
 */
export function stepsOf(g: IndexedGraph, order: Schedule): Int32Array {
  const step = new Int32Array(g.opCount).fill(-1);
  for (let s = 0; s < order.length; s++) step[order[s]] = s;
  return step;
}

/**
 * Inclusive resident intervals `[first, last]` of every tensor (FORMAT.md §2):
 *
 * | kind | first | last |
 * | --- | --- | --- |
 * | weight, optimizer_state | 0 | n-1 |
 * | input | 0 | last step that reads it (0 if none) |
 * | output | step of its producer | n-1 |
 * | any other | step of its producer | last step that reads it (its producer's step if none) |
 *
 * `order` must hold every op once; for an order that runs a reader before its
 * producer (which the simulator reports) `last` is clamped to at least `first`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "./load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const { first, last } = lifetimes(g, programOrder(g));
 * const a = g.tensorIndex.get("a")!; // made by f1 (step 0), last read by f3 (step 2)
 * assert.deepEqual([first[a], last[a]], [0, 2]);
 * ```
 */
export function lifetimes(g: IndexedGraph, order: Schedule): Lifetimes {
  const n = order.length;
  const T = g.tensorCount;
  const step = stepsOf(g, order);
  const first = new Int32Array(T);
  const last = new Int32Array(T);
  const end = Math.max(n - 1, 0);
  for (let t = 0; t < T; t++) {
    const k = g.kind[t];
    const p = g.producer[t];
    const f = p >= 0 ? Math.max(step[p], 0) : 0;
    first[t] = f;
    if (k === KIND.weight || k === KIND.optimizer_state || k === KIND.output) {
      last[t] = end;
      continue;
    }
    let l = f;
    for (let r = g.readerStart[t]; r < g.readerStart[t + 1]; r++) {
      const s = step[g.readerList[r]];
      if (s > l) l = s;
    }
    last[t] = l;
  }
  return { first, last };
}
