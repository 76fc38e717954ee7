/** Replays a planned result with the judge (simulator/), for the budget planner tests. */
import { parseBudgetPlan, resolveBudgetPlan } from "../../graph/budget/budget_plan.ts";
import type { BudgetPlan } from "../../graph/budget/budget_plan.ts";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { type BudgetReport, replayBudgetPlan } from "../../simulator/budget/replay.ts";

/**
 * Replays a plan after a JSON round trip, as a file would be read.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { buildBudgetPlan } from "../../graph/budget/budget_plan.ts";
 * import { runEvents } from "../../graph/budget/events.ts";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { programOrder } from "../../graph/lifetimes.ts";
 * const g = trainingChain(2);
 * assert.equal(replayPlan(g, buildBudgetPlan(g, { events: runEvents(programOrder(g)) })).ok, true);
 * ```
 */
export function replayPlan(g: IndexedGraph, plan: BudgetPlan): BudgetReport {
  const value = parseBudgetPlan(JSON.parse(JSON.stringify(plan)), "plan");
  const rp = resolveBudgetPlan(g, value);
  return replayBudgetPlan(g, rp.events, rp.residencies, {
    offsets: rp.offsets,
    capacity: rp.capacity,
    bandwidth: rp.bandwidth,
  });
}
