/**
 * The compute cost of every op: the graph's optional per-op `cost` (estimated
 * FLOPs), else an estimate proportional to the bytes the op touches. Recompute
 * plans are judged by the sum of these over the extra runs.
 *
 * @module
 */
import { ProblemCollector } from "../input_error.ts";
import type { IndexedGraph } from "../indexed_graph.ts";

/** Where the costs came from: every op's `cost`, none (all estimated), or some of each. */
export type CostSource = "graph" | "estimated" | "mixed";

/** Cost per op index and where it came from. */
export interface OpCosts {
  cost: Float64Array;
  source: CostSource;
  /** Ops whose cost was estimated. */
  estimated: number;
}

/**
 * Cost of each op. An op without `cost` gets the bytes of its inputs and
 * outputs (a size-proportional estimate: FLOPs of most ops grow with the data
 * they touch). A `cost` that is not a non-negative finite number is bad input:
 * throws InputError naming `ops[i].cost`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "./training_chain.ts";
 * const { cost, source } = opCosts(trainingChain(2));
 * assert.equal(source, "estimated"); // no op has a cost
 * assert.equal(cost.length, 7);
 * ```
 */
export function opCosts(g: IndexedGraph, options: { file?: string } = {}): OpCosts {
  const c = new ProblemCollector(options.file ?? "<graph>");
  const cost = new Float64Array(g.opCount);
  let estimated = 0;
  for (let v = 0; v < g.opCount; v++) {
    const given = (g.graph.ops[v] as { cost?: unknown }).cost;
    if (given === undefined) {
      let bytes = 0;
      for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) bytes += g.size[g.inList[k]];
      for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) bytes += g.size[g.outList[k]];
      cost[v] = bytes;
      estimated++;
    } else if (typeof given === "number" && Number.isFinite(given) && given >= 0) {
      cost[v] = given;
    } else {
      c.add(`ops[${v}].cost`, "cost must be a non-negative finite number", g.opIds[v]);
    }
  }
  c.throwIfAny();
  const source: CostSource = estimated === 0
    ? "graph"
    : estimated === g.opCount
    ? "estimated"
    : "mixed";
  return { cost, source, estimated };
}
