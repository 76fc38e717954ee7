/**
 * What every budget planner needs to know about a graph once: op costs, which
 * ops may re-run, the `after` successors, and the smallest footprint any plan
 * can have.
 *
 * @module
 */
import { type OpCosts, opCosts } from "../../graph/budget/op_cost.ts";
import {
  afterSuccessors,
  mutatedTensors,
  recomputableOps,
} from "../../graph/budget/recompute_rules.ts";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { isPersistentKind } from "../../graph/kind_codes.ts";
import { recomputeBound } from "../../graph/budget/recompute_bound.ts";

/** Facts about a graph shared by the budget planners. */
export interface BudgetAnalysis {
  g: IndexedGraph;
  costs: OpCosts;
  recomputable: Uint8Array;
  /** Per tensor: 1 when updated in place (never dropped). */
  mutated: Uint8Array;
  succStart: Int32Array;
  succList: Int32Array;
  /** Bytes of `weight` and `optimizer_state` tensors (resident throughout). */
  persistentBytes: number;
  /** No plan that keeps weights and optimizer state on the device fits below it. */
  bound: number;
  /** The op that sets the bound (its inputs and outputs plus persistent bytes). */
  boundOp: string;
  /**
   * No plan that only recomputes (never offloads) fits below it: tensors no re-run
   * can make again stay resident where the order forces them
   * (graph/budget/recompute_bound.ts). At least `bound`.
   */
  recomputeBound: number;
  /** The op whose step sets `recomputeBound`. */
  recomputeBoundOp: string;
}

/**
 * Analyses a graph for the budget planners.
 *
 * The bound: while op v runs, its inputs and outputs are resident, and so is
 * every weight and optimizer state (no planner here offloads those); so no
 * plan fits below `max over v of bytes(in(v) ∪ out(v) ∪ persistent)`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * const a = analyseBudget(trainingChain(4));
 * // bytes below which nothing fits: what b4's step needs whatever is recomputed
 * assert.deepEqual([a.bound, a.boundOp], [29, "b4"]);
 * ```
 */
export function analyseBudget(g: IndexedGraph): BudgetAnalysis {
  const costs = opCosts(g);
  const recomputable = recomputableOps(g);
  const { start, list } = afterSuccessors(g);
  let persistentBytes = 0;
  for (let t = 0; t < g.tensorCount; t++) {
    if (isPersistentKind(g.kind[t])) persistentBytes += g.size[t];
  }
  let bound = persistentBytes, boundOp = "";
  const stamp = new Int32Array(g.tensorCount).fill(-1);
  for (let v = 0; v < g.opCount; v++) {
    let bytes = persistentBytes;
    const add = (t: number) => {
      if (stamp[t] === v || isPersistentKind(g.kind[t])) return;
      stamp[t] = v;
      bytes += g.size[t];
    };
    for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) add(g.inList[k]);
    for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) add(g.outList[k]);
    if (bytes > bound) {
      bound = bytes;
      boundOp = g.opIds[v];
    }
  }
  const rb = recomputeBound(g);
  return {
    g,
    costs,
    recomputable,
    mutated: mutatedTensors(g),
    succStart: start,
    succList: list,
    persistentBytes,
    bound,
    boundOp,
    recomputeBound: Math.max(bound, rb.bytes),
    recomputeBoundOp: rb.bytes > bound ? g.opIds[rb.op] : boundOp,
  };
}
