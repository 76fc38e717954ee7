/**
 * The precedence DAG every schedule respects: data edges (producer before
 * reader) and `after` edges, merged and deduplicated, as predecessor and
 * successor lists in CSR form.
 *
 * The bounds only care whether one op must precede another, not why, so the two
 * edge sorts are merged once here instead of being re-walked by every bound.
 *
 * @module
 */
import type { IndexedGraph } from "../indexed_graph.ts";

/** Direct predecessors and successors of every op, each list without repeats. */
export interface Precedence {
  readonly opCount: number;
  /** Predecessors of op v: `predList[predStart[v] .. predStart[v+1])`, ascending. */
  readonly predStart: Int32Array;
  readonly predList: Int32Array;
  /** Successors of op v: `succList[succStart[v] .. succStart[v+1])`, ascending. */
  readonly succStart: Int32Array;
  readonly succList: Int32Array;
}

/**
 * Merges data and `after` edges of a graph into one deduplicated DAG. Program
 * order is topological (the index checks it), so every predecessor has a
 * smaller index than its successor; the reachability code relies on that.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * const p = precedence(await loadGraph("testdata/graphs/tiny.json"));
 * // f3 reads a (from f1) and b (from f2)
 * assert.deepEqual(Array.from(p.predList.subarray(p.predStart[2], p.predStart[3])), [0, 1]);
 * ```
 */
export function precedence(g: IndexedGraph): Precedence {
  const V = g.opCount;
  const seen = new Int32Array(V).fill(-1);
  const preds: number[] = [];
  const predStart = new Int32Array(V + 1);
  for (let v = 0; v < V; v++) {
    predStart[v] = preds.length;
    const add = (u: number) => {
      if (u >= 0 && seen[u] !== v) {
        seen[u] = v;
        preds.push(u);
      }
    };
    for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) add(g.producer[g.inList[k]]);
    for (let k = g.afterStart[v]; k < g.afterStart[v + 1]; k++) add(g.afterList[k]);
  }
  predStart[V] = preds.length;
  const predList = Int32Array.from(preds);
  for (let v = 0; v < V; v++) predList.subarray(predStart[v], predStart[v + 1]).sort();
  return { opCount: V, predStart, predList, ...transpose(V, predStart, predList) };
}

function transpose(
  V: number,
  predStart: Int32Array,
  predList: Int32Array,
): { succStart: Int32Array; succList: Int32Array } {
  const succStart = new Int32Array(V + 1);
  for (let k = 0; k < predList.length; k++) succStart[predList[k] + 1]++;
  for (let v = 0; v < V; v++) succStart[v + 1] += succStart[v];
  const fill = succStart.slice(0, V);
  const succList = new Int32Array(predList.length);
  // Visiting successors in ascending order keeps every successor list sorted.
  for (let w = 0; w < V; w++) {
    for (let k = predStart[w]; k < predStart[w + 1]; k++) succList[fill[predList[k]]++] = w;
  }
  return { succStart, succList };
}
