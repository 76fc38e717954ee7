/**
 * A trade-off curve as a Markdown table and a Vega-Lite chart (peak live
 * against added compute, one line per planner).
 *
 * @module
 */
import type { TopLevelSpec } from "npm:vega-lite@6.5.0";
import type { ParetoCurve, ParetoPoint } from "./pareto_sweep.ts";

const MIB = 1048576;

/**
 * The table cell of one point: added compute and how it was reached. With
 * the curve's bounds, an impossible cell names the bound that rules it out.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const p = { planner: "chen", budget: 1, status: "impossible", seconds: 0 } as const;
 * assert.equal(pointCell(p), "impossible (bound)");
 * assert.equal(pointCell(p, { bound: 28, recomputeBound: 30 }), "impossible, bound 28");
 * const q = { ...p, impossibleBy: "recompute" } as const;
 * assert.equal(pointCell(q), "impossible (recompute bound)");
 * assert.equal(pointCell(q, { bound: 28, recomputeBound: 30 }), "impossible, recompute-only bound 30");
 * ```
 */
export function pointCell(
  p: ParetoPoint | undefined,
  bounds?: Pick<ParetoCurve, "bound" | "recomputeBound">,
): string {
  if (!p) return "";
  if (p.status === "impossible") {
    const recompute = p.impossibleBy === "recompute";
    if (bounds === undefined) {
      return recompute ? "impossible (recompute bound)" : "impossible (bound)";
    }
    return recompute
      ? `impossible, recompute-only bound ${bounds.recomputeBound}`
      : `impossible, bound ${bounds.bound}`;
  }
  if (p.status === "invalid") return "INVALID";
  if (p.status !== "verified") return p.provedNone ? "none in its model (proved)" : "none found";
  const pct = `${(100 * p.recomputedFraction!).toFixed(2)}%`;
  const off = p.offloadedBytes ? ` +${(p.offloadedBytes / MIB).toFixed(1)} MiB off` : "";
  const proved = p.plannerStatus === "optimal" && p.atBudget ? " (optimal)" : "";
  const gap = p.plannerStatus !== "optimal" && typeof p.gap === "number" && Number.isFinite(p.gap)
    ? ` (gap ${(100 * p.gap).toFixed(1)}%${p.restricted ? " in its restricted model" : ""})`
    : p.fromStart === "too_large"
    ? " (model too large: best start)"
    : p.fromStart === "no_solution"
    ? " (solver found nothing: best start)"
    : p.plannerStatus === "timeout"
    ? " (timeout)"
    : "";
  return `${pct}${off}${proved}${gap}`;
}

/** Exact bytes below a mebibyte (small graphs), MiB above. */
function budgetCell(b: number): string {
  return b < MIB ? `${b} B` : `${(b / MIB).toFixed(2)} MiB`;
}

/**
 * Markdown table: one row per budget, one column per planner (added compute
 * as a fraction of the step, and whether it is proved optimal).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { paretoSweep } from "./pareto_sweep.ts";
 * const curve = await paretoSweep(trainingChain(3), { planners: ["chen"], points: 2, placer: "greedy-size" });
 * assert.ok(paretoTable(curve, ["chen"]).startsWith("| budget"));
 * ```
 */
export function paretoTable(curve: ParetoCurve, planners: string[]): string {
  const budgets = [...new Set(curve.points.map((p) => p.budget))];
  const head = `| budget | % of no-recompute peak | ${planners.join(" | ")} |`;
  const rule = `| --- | --- | ${planners.map(() => "---").join(" | ")} |`;
  const rows = budgets.map((b) => {
    const cells = planners.map((name) =>
      pointCell(curve.points.find((p) => p.budget === b && p.planner === name), curve)
    );
    return `| ${budgetCell(b)} | ${(100 * b / curve.noRecomputePeak).toFixed(1)}% | ${
      cells.join(" | ")
    } |`;
  });
  return [head, rule, ...rows].join("\n");
}

/**
 * The chart: arena of every verified point against its added compute.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { paretoSweep } from "./pareto_sweep.ts";
 * const curve = await paretoSweep(trainingChain(3), { planners: ["chen"], points: 2, placer: "greedy-size" });
 * assert.ok(JSON.stringify(paretoChart(curve)).includes("added compute"));
 * ```
 */
export function paretoChart(curve: ParetoCurve): TopLevelSpec {
  const values = curve.points.filter((p) => p.status === "verified").map((p) => ({
    planner: p.planner,
    compute: 100 * p.recomputedFraction!,
    arena: p.arena! / MIB,
  }));
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v5.json",
    title: `${curve.graph}: memory vs added compute (${curve.costSource} costs)`,
    width: 480,
    height: 300,
    data: { values },
    mark: { type: "line", point: true },
    encoding: {
      x: { field: "compute", type: "quantitative", title: "added compute (% of the step)" },
      y: { field: "arena", type: "quantitative", title: "arena (MiB)", scale: { zero: false } },
      color: { field: "planner", type: "nominal" },
      order: { field: "compute", type: "quantitative" },
    },
  };
}
