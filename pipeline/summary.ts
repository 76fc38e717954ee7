/**
 * The summary records the command line prints (as JSON, or as a table) and
 * that a script can keep: plain numbers and names, no typed arrays.
 *
 * @module
 */
import type { BoundMethod, PlaceResult } from "../solver/types.ts";
import type { PlaceVerified } from "./place_verified.ts";
import type { PlanVerified } from "./plan_verified.ts";

/** A placement's proved lower bound, how it was proved, and the arena's distance to it. */
export interface PlacementBound {
  /** No placement of the problem has a smaller arena. */
  lowerBound: number;
  lowerBoundMethod: BoundMethod;
  /** `(arena − lowerBound) / lowerBound`: 0 proves the arena optimal. */
  gapToBound: number;
  /** `optimal` only when the arena equals the proved bound (and fits). */
  status: string;
}

/**
 * The bound of a placement: the larger of the verifier's peak live and the
 * placer's own proved bound, and the status that bound supports — a placer's
 * `optimal` above the bound becomes `feasible`, any fitting arena at the
 * bound is `optimal`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const result = { offsets: new Float64Array(), arena: 12, status: "timeout" as const, seconds: 1, bound: 11, boundMethod: "refuted-heights" as const };
 * const b = placementBound(result, { arena: 12, peakLive: 10, fits: true });
 * assert.deepEqual([b.lowerBound, b.lowerBoundMethod, b.status], [11, "refuted-heights", "timeout"]);
 * assert.equal(b.gapToBound, 1 / 11);
 * ```
 */
export function placementBound(
  result: PlaceResult,
  measured: { arena: number; peakLive: number; fits: boolean },
): PlacementBound {
  const { arena, peakLive, fits } = measured;
  const own = result.bound ?? 0;
  const lowerBound = Math.max(peakLive, own);
  const lowerBoundMethod = own >= peakLive && result.boundMethod ? result.boundMethod : "peak-live";
  const status = !fits
    ? result.status
    : arena <= lowerBound
    ? "optimal"
    : result.status === "optimal"
    ? "feasible"
    : result.status;
  return {
    lowerBound,
    lowerBoundMethod,
    gapToBound: lowerBound > 0 ? (arena - lowerBound) / lowerBound : 0,
    status,
  };
}

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
  /** The placement's proved lower bound (peak live or above), its method and the gap to it. */
  placementLowerBound: number;
  placementLowerBoundMethod: BoundMethod;
  placementGapToBound: number;
  /** `arena / program-order peak − 1` (negative: the plan saves memory), the table's row of that name. */
  arenaVsProgramOrderPeak: number;
  capacity?: number;
  fits: boolean;
  seconds: number;
  /** Set by the command when the whole run took longer than its time limit. */
  timeNote?: string;
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
  const b = placementBound(r.placement, {
    arena: report.arena,
    peakLive: report.peakLive,
    fits: r.fits,
  });
  return {
    graph: report.graph,
    output,
    scheduler: { name: r.schedulerName, status: r.schedule.status, seconds: r.schedule.seconds },
    placer: { name: r.placerName, status: b.status, seconds: r.placement.seconds },
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
    placementLowerBound: b.lowerBound,
    placementLowerBoundMethod: b.lowerBoundMethod,
    placementGapToBound: b.gapToBound,
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
  /** No placement has a smaller arena: peak live or the placer's proved bound. */
  lowerBound: number;
  lowerBoundMethod: BoundMethod;
  /** `(arena − lowerBound) / lowerBound`. */
  gapToBound: number;
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
  const b = placementBound(r.result, {
    arena: r.check.arena,
    peakLive: r.check.peakLive,
    fits: r.fits,
  });
  return {
    problem: names.problem,
    placer: names.placer,
    status: b.status,
    buffers: r.check.buffers,
    peakLive: r.check.peakLive,
    arena: r.check.arena,
    fragmentation: r.check.fragmentation,
    ...((r.result.bound ?? 0) > r.check.peakLive ? { provedBound: r.result.bound } : {}),
    lowerBound: b.lowerBound,
    lowerBoundMethod: b.lowerBoundMethod,
    gapToBound: b.gapToBound,
    capacity: r.capacity,
    fits: r.fits,
    seconds: r.result.seconds,
    ...(typeof r.result.details?.timeNote === "string"
      ? { timeNote: r.result.details.timeNote }
      : {}),
    ...(r.fits ? { output: names.output } : {}),
  };
}
