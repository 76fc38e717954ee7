/**
 * Hand-made graphs and brute-force optima for the ILP tests.
 *
 * @module
 */
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { lifetimes } from "../../graph/lifetimes.ts";
import { peakLive } from "../../graph/metrics.ts";
import type { Graph, PlacementProblem } from "../../graph/types.ts";

/**
 * Three branches from one input x (size 2); branch i makes a big tensor
 * (10) and then a small one (1); a join reads the three small ones.
 *
 * ```
 * x ─ p1 → big1 ─ q1 → small1 ─┐
 *   ├ p2 → big2 ─ q2 → small2 ─┼ j → y (output, 1)
 *   └ p3 → big3 ─ q3 → small3 ─┘
 * ```
 *
 * Program order p1 p2 p3 q1 q2 q3 j: x [0,2], big1 [0,3], big2 [1,4],
 * big3 [2,5], small1 [3,6], small2 [4,6], small3 [5,6], y [6,6]. Live
 * 12, 22, 32, 31, 22, 13, 4: peak 32 at step 2.
 *
 * Optimal 14, reached by p1 q1 p2 q2 p3 q3 j (live 12, 13, 13, 14, 14, 13, 4).
 * No order beats it: when the last p_k runs, x (2) and big_k (10) are
 * resident, and each other branch holds its big or its small tensor (≥ 1).
 * The cut bound sees only x and big_k at p_k (12), so it proves nothing.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../../graph/indexed_graph.ts";
 * import { programOrderPeak } from "../../graph/metrics.ts";
 * assert.equal(programOrderPeak(indexGraph(threeBranchGraph())).bytes, 32);
 * ```
 */
export function threeBranchGraph(): Graph {
  const tensors: Graph["tensors"] = [{ id: "x", size: 2, kind: "input" }];
  const ops: Graph["ops"] = [];
  for (let i = 1; i <= 3; i++) {
    tensors.push({ id: `big${i}`, size: 10 }, { id: `small${i}`, size: 1 });
    ops.push({ id: `p${i}`, in: ["x"], out: [`big${i}`] });
  }
  for (let i = 1; i <= 3; i++) ops.push({ id: `q${i}`, in: [`big${i}`], out: [`small${i}`] });
  tensors.push({ id: "y", size: 1, kind: "output" });
  ops.push({ id: "j", in: ["small1", "small2", "small3"], out: ["y"] });
  return { format: "memplan.graph/v1", name: "three-branch", tensors, ops };
}

/**
 * The least peak live over every topological order, by enumeration (use on
 * graphs of at most ~9 ops).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../../graph/indexed_graph.ts";
 * assert.equal(bruteForcePeak(indexGraph(threeBranchGraph())), 14);
 * ```
 */
export function bruteForcePeak(g: IndexedGraph): number {
  const V = g.opCount;
  const preds: number[][] = Array.from({ length: V }, () => []);
  for (let v = 0; v < V; v++) {
    for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
      const p = g.producer[g.inList[k]];
      if (p >= 0) preds[v].push(p);
    }
    for (let k = g.afterStart[v]; k < g.afterStart[v + 1]; k++) preds[v].push(g.afterList[k]);
  }
  const order = new Int32Array(V);
  const done = new Uint8Array(V);
  let best = Infinity;
  const extend = (pos: number) => {
    if (pos === V) {
      best = Math.min(best, peakLive(g, lifetimes(g, order)).bytes);
      return;
    }
    for (let v = 0; v < V; v++) {
      if (done[v] || preds[v].some((p) => !done[p])) continue;
      done[v] = 1;
      order[pos] = v;
      extend(pos + 1);
      done[v] = 0;
    }
  };
  extend(0);
  return V === 0 ? 0 : best;
}

/**
 * The least arena of a small buffer problem: every permutation placed
 * lowest-fit (at the lowest aligned offset clear of the buffers already
 * placed). Placing an optimal solution's buffers in order of their offsets
 * puts each at or below its optimal offset, so some permutation reaches the
 * optimum. Use on at most ~7 buffers.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * assert.equal(bruteForceArena(problem), 12);
 * ```
 */
export function bruteForceArena(problem: PlacementProblem): number {
  const bs = problem.buffers.filter((b) => b.size > 0);
  const align = problem.alignment ?? 1;
  const n = bs.length;
  const offset = new Float64Array(n);
  const placed: number[] = [];
  let best = Infinity;
  const extend = (top: number) => {
    if (top >= best) return;
    if (placed.length === n) {
      best = top;
      return;
    }
    for (let i = 0; i < n; i++) {
      if (placed.includes(i)) continue;
      const blockers = placed
        .filter((j) => bs[j].lower < bs[i].upper && bs[i].lower < bs[j].upper)
        .sort((x, y) => offset[x] - offset[y]);
      let o = 0;
      for (const j of blockers) {
        if (o + bs[i].size <= offset[j]) break;
        o = Math.max(o, Math.ceil((offset[j] + bs[j].size) / align) * align);
      }
      offset[i] = o;
      placed.push(i);
      extend(Math.max(top, o + bs[i].size));
      placed.pop();
    }
  };
  extend(0);
  return n === 0 ? 0 : best;
}
