/**
 * Reads and judges a plan of either version against its graph in one call.
 *
 * @module
 */
import { parseBudgetPlan, resolveBudgetPlan } from "../../graph/budget/budget_plan.ts";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { type BudgetReport, replayBudgetPlan } from "./replay.ts";

/** Options of {@linkcode verifyBudgetPlan}. */
export interface VerifyBudgetPlanOptions {
  /** Names the plan in messages. */
  file?: string;
  /** Overrides the plan's capacity. */
  capacity?: number;
  /** Overrides the plan's bandwidth (host-device bytes per second). */
  bandwidth?: number;
}

/**
 * Parses a plan value (v1 or v2), checks it against the graph (InputError on
 * bad input) and replays it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * const report = verifyBudgetPlan(trainingChain(2), { format: "memplan.plan/v1" }, { file: "plan.json" });
 * assert.equal(report.ok, true);
 * ```
 */
export function verifyBudgetPlan(
  g: IndexedGraph,
  value: unknown,
  options: VerifyBudgetPlanOptions = {},
): BudgetReport {
  const file = options.file ?? "<plan>";
  const plan = parseBudgetPlan(value, file);
  const rp = resolveBudgetPlan(g, plan, { file });
  return replayBudgetPlan(g, rp.events, rp.residencies, {
    offsets: rp.offsets,
    capacity: options.capacity ?? rp.capacity,
    bandwidth: options.bandwidth ?? rp.bandwidth,
  });
}
