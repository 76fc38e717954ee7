/**
 * The reverse of the `after` lists: which ops must wait for each op.
 *
 * @module
 */
import type { IndexedGraph } from "../../graph/indexed_graph.ts";

/** `after` successors in CSR form: `succList[succStart[u] .. succStart[u+1])` run after `u`. */
export interface AfterSuccessors {
  succStart: Int32Array;
  succList: Int32Array;
}

/**
 * Inverts `g.afterStart/afterList` in O(V + E).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * const g = await loadGraph("testdata/graphs/branchy.json"); // upd (op 5) runs after p1 and q1
 * const { succStart, succList } = afterSuccessors(g);
 * const u = 0; // p1
 * assert.deepEqual(Array.from(succList.subarray(succStart[u], succStart[u + 1])), [5]); // ops listing u in `after`
 * ```
 */
export function afterSuccessors(g: IndexedGraph): AfterSuccessors {
  const V = g.opCount;
  const succStart = new Int32Array(V + 1);
  for (let k = 0; k < g.afterList.length; k++) succStart[g.afterList[k] + 1]++;
  for (let u = 0; u < V; u++) succStart[u + 1] += succStart[u];
  const fill = succStart.slice(0, V);
  const succList = new Int32Array(g.afterList.length);
  for (let v = 0; v < V; v++) {
    for (let k = g.afterStart[v]; k < g.afterStart[v + 1]; k++) {
      succList[fill[g.afterList[k]]++] = v;
    }
  }
  return { succStart, succList };
}
