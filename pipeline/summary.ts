/**
 * The summary records the command line prints (as JSON, or as a table) and
 * that a script can keep: plain numbers and names, no typed arrays.
 *
 * @module
 */
import type { PlaceVerified } from "./place_verified.ts";
import type { PlanVerified } from "./plan_verified.ts";

/** The summary of a verified plan. */
export interface PlanSummary {
  graph: string;
  output?: string;
  scheduler: { name: string; status: string; seconds: number };
  placer: { name: string; status: string; seconds: number };
  programOrderPeak: number;
  peakLive: number;
  arena: number;
  fragmentation: number;
  lowerBound: number;
  lowerBoundKind: string;
  orderOptimal: boolean;
  orderGap: number;
  /** `orderGap / peakLive`: a fraction, like every ratio in JSON. */
  orderGapFraction: number;
  placementGap: number;
  /** `arena / program-order peak − 1` (negative: the plan saves memory), the table's row of that name. */
  arenaVsProgramOrderPeak: number;
  capacity?: number;
  fits: boolean;
  seconds: number;
}

/**
 * The summary of a verified plan, written to `output` when it fits.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * import { planVerified } from "./plan_verified.ts";
 * import { planSummary } from "./summary.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const s = planSummary(await planVerified(g, { scheduler: "program", placer: "first-fit" }), "p.json");
 * assert.equal(s.orderOptimal, true);
 * ```
 */
export function planSummary(r: PlanVerified, output?: string): PlanSummary {
  const report = r.report;
  return {
    graph: report.graph,
    output,
    scheduler: { name: r.schedulerName, status: r.schedule.status, seconds: r.schedule.seconds },
    placer: { name: r.placerName, status: r.placement.status, seconds: r.placement.seconds },
    programOrderPeak: report.programOrderPeak,
    peakLive: report.peakLive,
    arena: report.arena,
    fragmentation: report.fragmentation,
    lowerBound: r.bound.bytes,
    lowerBoundKind: r.bound.kind,
    orderOptimal: r.orderGap === 0,
    orderGap: r.orderGap,
    orderGapFraction: report.peakLive ? r.orderGap / report.peakLive : 0,
    placementGap: r.placementGap,
    arenaVsProgramOrderPeak: report.programOrderPeak
      ? report.arena / report.programOrderPeak - 1
      : 0,
    capacity: report.capacity,
    fits: r.fits,
    seconds: r.seconds,
  };
}

/** The summary of a verified placement. */
export interface PlaceSummary {
  problem: string;
  placer: string;
  status: string;
  buffers: number;
  peakLive: number;
  arena: number;
  fragmentation: number;
  /** A lower bound above peak live the placer proved (e.g. by refuting heights). */
  provedBound?: number;
  capacity?: number;
  fits: boolean;
  seconds: number;
  /** How the time limit ended it ("stopped at the time limit", or an overrun said plainly). */
  timeNote?: string;
  output?: string;
}

/**
 * The summary of a verified placement of the problem in file `problem`,
 * naming `output` only when the placement fits (and so was written).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { placeVerified } from "./place_verified.ts";
 * import { placeSummary } from "./summary.ts";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 1, size: 4 }] };
 * const r = await placeVerified(problem, { placer: "first-fit" });
 * assert.equal(placeSummary(r, { problem: "p.csv", placer: "first-fit", output: "o.csv" }).arena, 4);
 * ```
 */
export function placeSummary(
  r: PlaceVerified,
  names: { problem: string; placer: string; output: string },
): PlaceSummary {
  return {
    problem: names.problem,
    placer: names.placer,
    status: r.result.status,
    buffers: r.check.buffers,
    peakLive: r.check.peakLive,
    arena: r.check.arena,
    fragmentation: r.check.fragmentation,
    ...((r.result.bound ?? 0) > r.check.peakLive ? { provedBound: r.result.bound } : {}),
    capacity: r.capacity,
    fits: r.fits,
    seconds: r.result.seconds,
    ...(typeof r.result.details?.timeNote === "string"
      ? { timeNote: r.result.details.timeNote }
      : {}),
    ...(r.fits ? { output: names.output } : {}),
  };
}
