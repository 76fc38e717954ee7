/**
 * The lower bound of every plan that only recomputes (no offload): a tensor
 * whose producer may not run again, and a graph input, can never be made
 * again once freed, so the partial order keeps it resident from its producer
 * to its last reader, whatever the plan re-runs. Only the tensors a re-run can
 * make again shrink to their operand steps.
 *
 * Proof sketch, for any op v and its first run: a kept tensor t (made once, by
 * producer p) with v a descendant of p and some reader r of t a descendant of
 * v (or v itself) is resident at that run. p runs once and every run of v
 * needs a value derived from p's outputs, so p ran before; every run of r
 * needs a value derived from some run of v, so r reads t after; t cannot be
 * freed in between, for nothing could make it again. The same holds for a
 * re-makeable tensor between an op that must follow every run of its producer
 * (e.g. an in-place update of the producer's input) and a later reader: no
 * re-run may come after that op. That is `graph/bounds/cut.ts`'s cut with
 * re-makeable tensors counted only at their operand steps and in those spans.
 *
 * @module
 */
import { cutPerOp } from "../bounds/cut.ts";
import { maxOverOps } from "../bounds/max_over_ops.ts";
import type { IndexedGraph } from "../indexed_graph.ts";
import { afterSuccessors, recomputableOps } from "./recompute_rules.ts";

/** A lower bound on the peak of every recompute-only plan, and the op it comes from. */
export interface RecomputeBound {
  bytes: number;
  /** Op index whose first run gives the bound (-1 for an empty graph). */
  op: number;
}

/**
 * Per tensor: 1 when a re-run of its producer may make it again.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "./training_chain.ts";
 * const g = trainingChain(2);
 * const r = remakeableTensors(g);
 * assert.deepEqual([r[g.tensorIndex.get("a1")!], r[g.tensorIndex.get("x")!]], [1, 0]);
 * ```
 */
export function remakeableTensors(g: IndexedGraph): Uint8Array {
  const ok = recomputableOps(g);
  const out = new Uint8Array(g.tensorCount);
  for (let t = 0; t < g.tensorCount; t++) {
    const p = g.producer[t];
    if (p >= 0 && ok[p]) out[t] = 1;
  }
  return out;
}

/**
 * The recompute-only lower bound (see the module comment). At least the
 * largest op footprint plus weights and optimizer state, since every op's
 * operands count at its step.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * import { trainingChain } from "./training_chain.ts";
 * const g4 = trainingChain(4);
 * const r = recomputeBound(g4);
 * // b4's operands and the weights take 29 B; the input x (8 B, read again by
 * // b1) and the loss (1 B, an output) can never be made again
 * assert.deepEqual([r.bytes, g4.opIds[r.op]], [38, "b4"]);
 * // in resnet18 batch norms update running statistics, so their outputs stay
 * const g = await loadGraph("testdata/graphs/resnet18.b32.sgd.json.gz");
 * assert.ok(recomputeBound(g).bytes > 400e6);
 * ```
 */
export function recomputeBound(g: IndexedGraph): RecomputeBound {
  const remade = remakeableTensors(g);
  const perOp = cutPerOp(g, { remade, sealers: afterSuccessors(g) });
  // Byte counts are never negative, so a zero floor leaves the first op's value in place.
  return maxOverOps(perOp, { bytes: 0, op: -1 });
}
