/**
 * A seeded-free synthetic training step of any depth: the deep MLP of the
 * budget tests and benchmarks (Chen's √n checkpointing is defined on it).
 *
 * @module
 */
import { indexGraph } from "../indexed_graph.ts";
import type { IndexedGraph } from "../indexed_graph.ts";
import type { Graph } from "../types.ts";

/**
 * A training chain of `n` layers: forward f1…fn (activations a1…an), a loss,
 * backward bn…b1 reading the stashed activations, and in-place updates u1…un.
 * Ops are listed in that order; `size` is every activation's size or one per
 * layer (x is layer 0, cycled); `costs` (one per op, in that order) become
 * their `cost` fields.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const g = trainingChain(3, 8);
 * assert.deepEqual(g.opIds, ["f1", "f2", "f3", "loss", "b3", "b2", "b1", "u1", "u2", "u3"]);
 * ```
 */
export function trainingChain(
  n: number,
  size: number | number[] = 8,
  costs?: number[],
): IndexedGraph {
  // Layer i's activation (and its gradient) has size sizeOf(i); x is layer 0.
  const sizeOf = (i: number) => (typeof size === "number" ? size : size[i % size.length]);
  const tensors: Graph["tensors"] = [{ id: "x", size: sizeOf(0), kind: "input" }];
  const ops: Graph["ops"] = [];
  for (let i = 1; i <= n; i++) {
    tensors.push({ id: `w${i}`, size: 1, kind: "weight" });
    tensors.push({ id: `a${i}`, size: sizeOf(i) });
    ops.push({
      id: `f${i}`,
      type: "linear",
      in: [i === 1 ? "x" : `a${i - 1}`, `w${i}`],
      out: [`a${i}`],
    });
  }
  tensors.push({ id: "loss", size: 1, kind: "output" });
  tensors.push({ id: `d${n}`, size: sizeOf(n) });
  ops.push({ id: "loss", type: "loss", in: [`a${n}`], out: ["loss", `d${n}`] });
  for (let i = n; i >= 1; i--) {
    const prev = i === 1 ? "x" : `a${i - 1}`;
    tensors.push({ id: `gw${i}`, size: 1, kind: "gradient" });
    const out = [`gw${i}`];
    if (i > 1) {
      tensors.push({ id: `d${i - 1}`, size: sizeOf(i - 1) });
      out.push(`d${i - 1}`);
    }
    ops.push({ id: `b${i}`, type: "linear_backward", in: [`d${i}`, prev, `w${i}`], out });
  }
  for (let i = 1; i <= n; i++) {
    ops.push({
      id: `u${i}`,
      type: "sgd_",
      in: [`w${i}`, `gw${i}`],
      out: [],
      after: [`f${i}`, `b${i}`],
    });
  }
  if (costs) ops.forEach((o, i) => (o as { cost?: number }).cost = costs[i] ?? 1);
  return indexGraph({ format: "memplan.graph/v1", name: `chain${n}`, tensors, ops });
}
