/**
 * `memplan verify GRAPH PLAN` for a `memplan.plan/v2` plan.
 *
 * @module
 */
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { loadGraph } from "../../graph/load.ts";
import { verifyBudgetPlan } from "../../simulator/budget/verify_budget_plan.ts";
import { EXIT } from "../../pipeline/exit.ts";
import { printJson } from "../run.ts";
import { formatBudgetReport } from "./print_budget.ts";

/** Options of {@linkcode verifyBudget}. */
export interface VerifyBudgetOptions {
  /** Overrides the plan's capacity. */
  capacity?: number;
  /** Host-device bytes per second; overrides the plan's. */
  bandwidth?: number;
  json?: boolean;
  /** The graph of `graphFile`, when loaded already. */
  graph?: IndexedGraph;
}

/**
 * Replays a v2 plan and prints the verdict; resolves to 0 (valid) or 1 (violations).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const plan = { format: "memplan.plan/v2" }; // program order, nothing recomputed
 * assert.equal(await verifyBudget("testdata/graphs/tiny.json", "p.json", plan, { json: true }), 0);
 * ```
 */
export async function verifyBudget(
  graphFile: string,
  planFile: string,
  planValue: unknown,
  options: VerifyBudgetOptions = {},
): Promise<number> {
  const g = options.graph ?? await loadGraph(graphFile);
  const report = verifyBudgetPlan(g, planValue, {
    file: planFile,
    capacity: options.capacity,
    bandwidth: options.bandwidth,
  });
  if (options.json) {
    const { offsets: _o, ...rest } = report;
    printJson(rest);
  } else console.log(formatBudgetReport(report));
  return report.ok ? EXIT.ok : EXIT.violations;
}
