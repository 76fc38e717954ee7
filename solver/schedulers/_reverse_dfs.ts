/**
 * Reverse depth-first scheduling: walk predecessors from each sink and emit an
 * op once all of its predecessors are emitted (post-order). Every subgraph
 * feeding one consumer is finished before the next one starts, which keeps few
 * partial results alive at once (the idea behind Sethi–Ullman ordering).
 *
 * @module
 */
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import type { Schedule } from "../../graph/types.ts";

/**
 * Post-order of a depth-first walk over data and `after` predecessors, started
 * from the sinks (ops nothing depends on) in program order; predecessors are
 * visited in the order the op lists its inputs, then its `after` ops. The
 * post-order of a walk over predecessors is topological by construction.
 * Iterative, O(V + E).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * import { isValidOrder } from "../../graph/order_check.ts";
 * const g = await loadGraph("testdata/graphs/branchy.json");
 * const order = reverseDfsSchedule(g);
 * assert.ok(isValidOrder(g, order));
 * ```
 */
export function reverseDfsSchedule(g: IndexedGraph): Schedule {
  const V = g.opCount;
  const hasSuccessor = new Uint8Array(V);
  for (let v = 0; v < V; v++) {
    for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
      const p = g.producer[g.inList[k]];
      if (p >= 0) hasSuccessor[p] = 1;
    }
    for (let k = g.afterStart[v]; k < g.afterStart[v + 1]; k++) hasSuccessor[g.afterList[k]] = 1;
  }
  const state = new Uint8Array(V); // 0 new, 1 on the stack, 2 emitted
  const stackOp = new Int32Array(V), stackPos = new Int32Array(V);
  const order = new Int32Array(V);
  let s = 0;
  for (let root = 0; root < V; root++) {
    if (hasSuccessor[root] || state[root]) continue;
    let top = 0;
    stackOp[0] = root;
    stackPos[0] = 0;
    state[root] = 1;
    while (top >= 0) {
      const v = stackOp[top];
      const nIn = g.inStart[v + 1] - g.inStart[v];
      const nPred = nIn + g.afterStart[v + 1] - g.afterStart[v];
      let next = -1;
      while (stackPos[top] < nPred && next < 0) {
        const i = stackPos[top]++;
        const u = i < nIn
          ? g.producer[g.inList[g.inStart[v] + i]]
          : g.afterList[g.afterStart[v] + i - nIn];
        if (u >= 0 && state[u] === 0) next = u;
      }
      if (next < 0) {
        state[v] = 2;
        order[s++] = v;
        top--;
      } else {
        state[next] = 1;
        stackOp[++top] = next;
        stackPos[top] = 0;
      }
    }
  }
  if (s !== V) throw new Error(`reverse DFS emitted ${s} of ${V} ops: the graph has a cycle`);
  return order;
}
