/**
 * Hand-made graphs for the ILP tests (their optima come from the test kit's
 * brute force).
 *
 * @module
 */
import type { Graph } from "../../graph/types.ts";

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
