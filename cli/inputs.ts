/**
 * Loading a graph and, optionally, a plan checked against it.
 *
 * @module
 */
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import { loadGraph, loadResolvedPlan } from "../graph/load.ts";
import type { ResolvedPlan } from "../graph/plan.ts";
import type { Plan } from "../graph/types.ts";

/** A graph and maybe a plan, both validated. */
export interface Inputs {
  graph: IndexedGraph;
  plan?: Plan;
  resolved?: ResolvedPlan;
}

/**
 * Loads `graphFile` and, when given, `planFile`, checking the plan against the graph.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const { graph, resolved } = await loadInputs(
 *   "testdata/graphs/tiny.json",
 *   "testdata/plans/tiny.valid.json",
 * );
 * assert.equal(graph.name, "tiny");
 * assert.equal(resolved?.offsets?.[graph.tensorIndex.get("b")!], 14);
 * ```
 */
export async function loadInputs(graphFile: string, planFile?: string): Promise<Inputs> {
  const graph = await loadGraph(graphFile);
  if (planFile === undefined) return { graph };
  return { graph, ...await loadResolvedPlan(graph, planFile) };
}
