/**
 * The text forms of a plan's and a placement's summaries.
 *
 * @module
 */
import type { PlaceSummary, PlanSummary } from "../pipeline/summary.ts";
import { formatBytes, formatPercent } from "./format.ts";
import { renderPairs } from "./tables.ts";

/**
 * A plan's summary as a table.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * import { planVerified } from "../pipeline/plan_verified.ts";
 * import { planSummary } from "../pipeline/summary.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const text = formatPlanSummary(planSummary(await planVerified(g), "p.json"));
 * assert.match(text, /planned peak live \(L\) +│ 22 B/);
 * console.log(text);
 * ```
 */
export function formatPlanSummary(s: PlanSummary): string {
  const stage = (x: PlanSummary["scheduler"]) =>
    `${x.name} (${x.status}, ${x.seconds.toFixed(2)} s)`;
  return renderPairs([
    ["graph", s.graph],
    ["scheduler", stage(s.scheduler)],
    ["placer", stage(s.placer)],
    ["program-order peak", formatBytes(s.programOrderPeak)],
    ["planned peak live (L)", formatBytes(s.peakLive)],
    ["lower bound, any order", `${formatBytes(s.lowerBound)} (${s.lowerBoundKind})`],
    [
      "order",
      s.orderGap === 0
        ? "optimal: peak live equals the lower bound"
        : `at most ${formatBytes(s.orderGap)} (${formatPercent(s.orderGapFraction)}) above optimal`,
    ],
    ["arena (H)", formatBytes(s.arena)],
    ["fragmentation (H-L)/H", formatPercent(s.fragmentation)],
    ["placement gap (H-L)", formatBytes(s.placementGap)],
    [
      "placement",
      boundVerdict(
        s.placer.status,
        s.placementLowerBound,
        s.placementLowerBoundMethod,
        s.placementGapToBound,
      ),
    ],
    ["arena vs program-order peak", formatPercent(s.arenaVsProgramOrderPeak)],
    ...capacityRow(s),
    ["seconds", s.seconds.toFixed(2)],
    ...(s.timeNote !== undefined ? [["time limit", s.timeNote] as [string, string]] : []),
  ]);
}

/**
 * A placement's summary as a table.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { placeVerified } from "../pipeline/place_verified.ts";
 * import { placeSummary } from "../pipeline/summary.ts";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 2, size: 4 }, { id: "b", lower: 1, upper: 3, size: 4 }] };
 * const r = await placeVerified(problem, { placer: "first-fit" });
 * const text = formatPlaceSummary(placeSummary(r, { problem: "p.csv", placer: "first-fit", output: "o.csv" }));
 * assert.match(text, /first-fit/);
 * console.log(text);
 * ```
 */
export function formatPlaceSummary(s: PlaceSummary): string {
  return renderPairs([
    ["problem", s.problem],
    ["placer", `${s.placer} (${s.status}, ${s.seconds.toFixed(2)} s)`],
    ["placement", boundVerdict(s.status, s.lowerBound, s.lowerBoundMethod, s.gapToBound)],
    ["peak live", formatBytes(s.peakLive)],
    ["lower bound", `${formatBytes(s.lowerBound)} (${s.lowerBoundMethod})`],
    ["arena (H)", formatBytes(s.arena)],
    ["fragmentation (H-L)/H", formatPercent(s.fragmentation)],
    ...capacityRow(s),
    ...(s.timeNote !== undefined ? [["time limit", s.timeNote] as [string, string]] : []),
  ]);
}

/**
 * "optimal (proved by …)" only at the bound; else the gap to it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(boundVerdict("optimal", 10, "peak-live", 0), "optimal (proved by peak-live)");
 * assert.match(boundVerdict("timeout", 10, "refuted-heights", 0.05), /^gap 5\.0% to bound 10 B .*\(refuted-heights\)$/);
 * assert.match(boundVerdict("timeout", 10, "peak-live", 0.00034), /^gap 0\.034% /); // small gaps keep their digits
 * ```
 */
export function boundVerdict(status: string, bound: number, method: string, gap: number): string {
  return status === "optimal"
    ? `optimal (proved by ${method})`
    : `gap ${gap < 0.01 ? `${(100 * gap).toFixed(3)}%` : formatPercent(gap)} to bound ${
      formatBytes(bound)
    } (${method})`;
}

function capacityRow(s: { capacity?: number; fits: boolean }): [string, string][] {
  if (s.capacity === undefined) return [];
  return [["capacity", `${formatBytes(s.capacity)}: ${s.fits ? "fits" : "DOES NOT FIT"}`]];
}
