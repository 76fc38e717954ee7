/**
 * The text of a budget plan's replay, for `plan --budget` and `verify`.
 *
 * @module
 */
import type { BudgetReport } from "../../simulator/budget/replay.ts";
import { describeBudgetViolation } from "../../simulator/budget/violations.ts";
import { formatBytes, formatInt, formatPercent } from "../format.ts";
import { renderPairs } from "../tables.ts";

/**
 * Rows describing a budget replay.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { verifyBudgetPlan } from "../../simulator/budget/verify_budget_plan.ts";
 * const report = verifyBudgetPlan(trainingChain(2), { format: "memplan.plan/v1" });
 * assert.deepEqual(budgetReportRows(report)[0], ["verdict", "VALID"]);
 * ```
 */
export function budgetReportRows(r: BudgetReport): [string, string][] {
  const rows: [string, string][] = [
    ["verdict", r.ok ? "VALID" : `INVALID: ${formatInt(r.violationCount)} violation(s)`],
    ["events", `${formatInt(r.events)} (${formatInt(r.recomputedRuns)} recomputes)`],
    ["peak live (L)", formatBytes(r.peakLive)],
    ["arena (H)", formatBytes(r.arena)],
    ["fragmentation (H-L)/H", formatPercent(r.fragmentation)],
  ];
  if (r.capacity !== undefined) rows.push(["budget", formatBytes(r.capacity)]);
  rows.push([
    "recomputed cost",
    `${formatInt(r.recomputedCost)} (${formatPercent(r.recomputedFraction)} of the step; costs ${
      r.costSource === "graph"
        ? "from the graph"
        : r.costSource === "estimated"
        ? "estimated from sizes: the graph has no op costs"
        : "partly estimated from sizes"
    })`,
  ]);
  rows.push([
    "offloaded / fetched",
    `${formatBytes(r.offloadedBytes)} / ${formatBytes(r.fetchedBytes)}`,
  ]);
  if (r.transferSeconds !== undefined) {
    rows.push(["transfer time", `${r.transferSeconds.toFixed(4)} s at ${r.bandwidth} B/s`]);
  }
  return rows;
}

/**
 * The verdict and figures of a budget replay, and its first violations.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { verifyBudgetPlan } from "../../simulator/budget/verify_budget_plan.ts";
 * const report = verifyBudgetPlan(trainingChain(2), { format: "memplan.plan/v1" });
 * assert.ok(formatBudgetReport(report).includes("VALID"));
 * ```
 */
export function formatBudgetReport(r: BudgetReport): string {
  const lines = [`${r.graph} (memplan.plan/v2 replay)`, renderPairs(budgetReportRows(r))];
  for (const v of r.violations.slice(0, 20)) lines.push(`  - ${describeBudgetViolation(v)}`);
  return lines.join("\n");
}
