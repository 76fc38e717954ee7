/**
 * The planning workflow: plan a graph, replay the plan in the simulator,
 * split planner bugs from the outcome (over capacity or not), and measure it
 * against the lower bound: one record every caller reads.
 *
 * @module
 */
import {
  ORDER_BOUND_SECONDS,
  type OrderBound,
  orderLowerBound,
} from "../graph/bounds/order_bound.ts";
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import { type Report, simulate } from "../simulator/simulate.ts";
import type { Violation } from "../simulator/violations.ts";
import { PLAN_SECONDS, planGraph, type PlanGraphOptions, type PlannedGraph } from "./plan_graph.ts";
import { plannerBugs } from "./planner_bug.ts";
import { combineStatus } from "./status.ts";

/** Options of {@linkcode planVerified}. */
export interface PlanVerifiedOptions extends PlanGraphOptions {
  /** The graph's bound, when already known (a sweep computes it once per graph). */
  bound?: OrderBound;
  /**
   * Seconds for the bound when it is computed here; default what `timeLimit`
   * leaves after planning and replaying, at most the bound policy's
   * (`ORDER_BOUND_SECONDS`).
   */
  boundTimeLimit?: number;
}

/**
 * The share of a limited plan's time kept for the order bound computed after
 * it (at most `ORDER_BOUND_SECONDS`): the bound counts against the limit too.
 * At 50,000 ops the cut bound takes about a second: a fifth of a 10 s limit
 * lets it finish, where a tenth left only the trivial bound.
 */
export const BOUND_SHARE = 0.2;

/** A plan, the simulator's verdict on it and how far it is from the bound. */
export interface PlanVerified extends PlannedGraph {
  /** The replay of the plan under the static allocator, with its capacity. */
  report: Report;
  verifySeconds: number;
  /** Every order's peak live is at least `bound.bytes`. */
  bound: OrderBound;
  /** Peak live above the bound: 0 proves the order optimal. */
  orderGap: number;
  /** Arena above peak live: what the offsets waste. */
  placementGap: number;
  /** The arena is within the capacity (true without one). */
  fits: boolean;
  /** Violations that are a planner's fault; the plan must not be written when any. */
  plannerBug: Violation[];
  /** The scheduler's and the placer's statuses combined. */
  status: string;
}

/**
 * Plans `g`, verifies the plan by replay and bounds it, all within
 * `timeLimit` (default 30 s): when the bound is computed here, a share of
 * the limit ({@linkcode BOUND_SHARE}) is kept for it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * import { planVerified } from "./plan_verified.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const r = await planVerified(g, { scheduler: "greedy", placer: "greedy-size" });
 * assert.ok(r.report.ok && r.fits && r.plannerBug.length === 0);
 * assert.equal(r.orderGap, 0);
 * ```
 */
export async function planVerified(
  g: IndexedGraph,
  options: PlanVerifiedOptions = {},
): Promise<PlanVerified> {
  const started = performance.now();
  const limit = options.timeLimit ?? PLAN_SECONDS;
  const boundHere = options.bound === undefined && options.boundTimeLimit === undefined &&
    Number.isFinite(limit);
  const boundShare = boundHere ? Math.min(ORDER_BOUND_SECONDS, BOUND_SHARE * limit) : 0;
  const planned = await planGraph(g, { ...options, timeLimit: limit - boundShare });
  const capacity = options.capacity;
  const t0 = performance.now();
  const report = simulate(g, {
    order: planned.order,
    offsets: planned.offsets,
    allocator: "static",
    capacity,
  });
  const verifySeconds = (performance.now() - t0) / 1000;
  const left = limit - (performance.now() - started) / 1000;
  const bound = options.bound ??
    orderLowerBound(g, {
      orders: [planned.order],
      timeLimit: options.boundTimeLimit ??
        (boundHere ? Math.max(0, Math.min(ORDER_BOUND_SECONDS, left)) : undefined),
    });
  return {
    ...planned,
    report,
    verifySeconds,
    bound,
    orderGap: report.peakLive - bound.bytes,
    placementGap: report.arena - report.peakLive,
    fits: capacity === undefined || report.arena <= capacity,
    plannerBug: plannerBugs(report.violations),
    status: combineStatus(planned.schedule.status, planned.placement.status),
  };
}
