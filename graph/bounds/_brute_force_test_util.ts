/**
 * Exhaustive answers for small graphs, to check the bounds against: every
 * topological order, its peak, and per op the least live bytes at its step.
 *
 * @module
 */
import type { IndexedGraph } from "../indexed_graph.ts";
import { lifetimes } from "../lifetimes.ts";
import { liveTimeline, peakOf } from "../metrics.ts";
import { precedence } from "./precedence.ts";

/** What {@linkcode bruteForce} finds over all schedules. */
export interface BruteForce {
  /** The least peak live over all schedules: the true optimum. */
  optimum: number;
  /** Per op, the least live bytes at its step over all schedules. */
  leastAt: Float64Array;
  /** Per op, the bytes of the tensors resident at its step in every schedule. */
  alwaysAt: Float64Array;
  /** Number of schedules. */
  orders: number;
}

/**
 * Enumerates every topological order (data and `after` edges) with the
 * FORMAT.md lifetimes and metrics of graph/; exponential, for ≤ 8 ops.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../indexed_graph.ts";
 * import { branchyGraph } from "../_fixtures_test_util.ts";
 * assert.equal(bruteForce(indexGraph(branchyGraph())).optimum, 15);
 * ```
 */
export function bruteForce(g: IndexedGraph): BruteForce {
  const V = g.opCount, p = precedence(g);
  const leastAt = new Float64Array(V).fill(Infinity);
  const always = new Uint8Array(V * g.tensorCount).fill(1);
  let optimum = V === 0 ? 0 : Infinity, orders = 0;
  const waiting = new Int32Array(V);
  for (let v = 0; v < V; v++) waiting[v] = p.predStart[v + 1] - p.predStart[v];
  const order = new Int32Array(V);
  const visit = (depth: number) => {
    if (depth === V) {
      orders++;
      const lt = lifetimes(g, order);
      const live = liveTimeline(g, lt, V);
      optimum = Math.min(optimum, peakOf(live).bytes);
      for (let s = 0; s < V; s++) {
        const v = order[s];
        leastAt[v] = Math.min(leastAt[v], live[s]);
        for (let t = 0; t < g.tensorCount; t++) {
          if (!(lt.first[t] <= s && s <= lt.last[t])) always[v * g.tensorCount + t] = 0;
        }
      }
      return;
    }
    for (let v = 0; v < V; v++) {
      if (waiting[v] !== 0) continue;
      waiting[v] = -1;
      for (let k = p.succStart[v]; k < p.succStart[v + 1]; k++) waiting[p.succList[k]]--;
      order[depth] = v;
      visit(depth + 1);
      for (let k = p.succStart[v]; k < p.succStart[v + 1]; k++) waiting[p.succList[k]]++;
      waiting[v] = 0;
    }
  };
  visit(0);
  const alwaysAt = new Float64Array(V);
  for (let v = 0; v < V; v++) {
    for (let t = 0; t < g.tensorCount; t++) {
      if (always[v * g.tensorCount + t]) alwaysAt[v] += g.size[t];
    }
  }
  return { optimum, leastAt, alwaysAt, orders };
}
