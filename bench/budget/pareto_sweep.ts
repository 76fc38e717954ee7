/**
 * The memory/compute trade-off curve of a graph: budgets from the
 * no-recompute optimum down to the bound, a plan per planner at each, every
 * point replayed by the judge before it is counted.
 *
 * @module
 */
import { resolveBudgetPlan } from "../../graph/budget/budget_plan.ts";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { lifetimes, programOrder } from "../../graph/lifetimes.ts";
import { liveTimeline, peakOf } from "../../graph/metrics.ts";
import { replayBudgetPlan } from "../../simulator/budget/replay.ts";
import { analyseBudget } from "../../solver/budget/analysis.ts";
import { planUnderBudget } from "../../solver/budget/plan_budget.ts";
import { neverOffloads } from "../../solver/budget/registry.ts";
import { scheduleGreedy } from "../../solver/schedulers/greedy.ts";
import { orderLowerBound } from "../../graph/bounds/order_bound.ts";

/** One point of the curve. */
export interface ParetoPoint {
  planner: string;
  budget: number;
  /** `verified`: a plan the judge accepted; `impossible`: budget below the bound; `not_found`: none found. */
  status: "verified" | "impossible" | "not_found" | "invalid";
  /** With `impossible`: below the bound of every plan, or of every plan that only recomputes. */
  impossibleBy?: "footprint" | "recompute";
  plannerStatus?: string;
  /** The planner solved this budget itself (not a lower target after a placement overshoot). */
  atBudget?: boolean;
  peakLive?: number;
  arena?: number;
  recomputedCost?: number;
  recomputedFraction?: number;
  costBound?: number;
  offloadedBytes?: number;
  transferSeconds?: number;
  gap?: number | null;
  /** The exact planner proved no plan of its model (base order, stage form) fits. */
  provedNone?: boolean;
  /** The exact planner's model was windowed or not built (too large). */
  restricted?: boolean;
  /** Where the returned plan came from, when the planner says (moccasin: none, chen, greedy, milp). */
  from?: string;
  /** The exact planner returned its start: `too_large` (no model) or `no_solution` (none from the solver). */
  fromStart?: "too_large" | "no_solution";
  seconds: number;
}

/** The no-recompute baseline, the bound and the points. */
export interface ParetoCurve {
  graph: string;
  /** Least peak live found without recompute (program or greedy order). */
  noRecomputePeak: number;
  /** A lower bound on the peak of any order without recompute. */
  noRecomputeBound: number;
  /** No plan at all fits below it. */
  bound: number;
  boundOp: string;
  /** No plan that only recomputes fits below it (graph/budget/recompute_bound.ts). */
  recomputeBound: number;
  recomputeBoundOp: string;
  costSource: string;
  points: ParetoPoint[];
}

/** Options of {@linkcode paretoSweep}. */
export interface ParetoOptions {
  planners: string[];
  /** Budgets to plan for; default `points` evenly spaced from the no-recompute peak to the bound. */
  budgets?: number[];
  points?: number;
  timeLimit?: number;
  placer?: string;
  bandwidth?: number;
  onPoint?: (p: ParetoPoint) => void;
}

/**
 * Sweeps budgets and planners.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * const curve = await paretoSweep(trainingChain(3), { planners: ["chen", "greedy"], points: 3, placer: "greedy-size" });
 * // from the no-recompute peak (45) down to the bound (28): 3 budgets × 2 planners
 * assert.deepEqual([curve.noRecomputePeak, curve.bound, curve.points.length], [45, 28, 6]);
 * // neither planner offloads: the sweep ends at the recompute-only bound, not below
 * assert.equal(Math.min(...curve.points.map((p) => p.budget)), curve.recomputeBound);
 * assert.ok(curve.points.every((p) => p.status !== "verified" || p.peakLive! <= p.budget));
 * ```
 */
export async function paretoSweep(g: IndexedGraph, options: ParetoOptions): Promise<ParetoCurve> {
  const a = analyseBudget(g);
  const program = programOrder(g);
  const greedy = scheduleGreedy(g).order;
  const peakOfOrder = (o: Int32Array) => peakOf(liveTimeline(g, lifetimes(g, o), o.length)).bytes;
  const noRecomputePeak = Math.min(peakOfOrder(program), peakOfOrder(greedy));
  const noRecomputeBound = orderLowerBound(g, { orders: [program, greedy] }).bytes;
  const n = options.points ?? 6;
  // Down to the lowest bound any chosen planner is held to: the recompute-only
  // bound when none of them offloads.
  const recomputeOnly = options.planners.length > 0 &&
    options.planners.every((name) => neverOffloads(name));
  const floor = recomputeOnly ? a.recomputeBound : a.bound;
  // Distinct budgets only: when the bound meets the peak, evenly spaced points coincide.
  const budgets = options.budgets ?? [
    ...new Set(Array.from(
      { length: n },
      (_, i) =>
        Math.floor(
          noRecomputePeak -
            (i * (noRecomputePeak - Math.min(floor, noRecomputePeak))) / Math.max(n - 1, 1),
        ),
    )),
  ];
  const points: ParetoPoint[] = [];
  for (const budget of budgets) {
    for (const planner of options.planners) {
      const r = await planUnderBudget(g, {
        budget,
        planner,
        placer: options.placer,
        timeLimit: options.timeLimit,
        bandwidth: options.bandwidth,
        analysis: a,
      });
      const p: ParetoPoint = { planner, budget, status: "not_found", seconds: r.seconds };
      if (r.status === "impossible") {
        Object.assign(p, { status: "impossible", impossibleBy: r.boundKind });
      }
      if (r.planner) {
        p.plannerStatus = r.planner.status;
        const d = r.planner.details ?? {};
        if (
          d.windowed === true || d.compact === true || d.tooLarge === true || d.restricted === true
        ) p.restricted = true;
        if (typeof d.from === "string") p.from = d.from;
        if (d.tooLarge === true) p.fromStart = "too_large";
        else if (d.start === true) p.fromStart = "no_solution";
        const whole = (d.windowed === false && d.compact === false) ||
          (d.milp === true && d.restricted === false);
        if (r.planner.status === "infeasible" && whole) {
          p.provedNone = true;
        }
      }
      if (r.plan) {
        const rp = resolveBudgetPlan(g, r.plan);
        const rep = replayBudgetPlan(g, rp.events, rp.residencies, {
          offsets: rp.offsets,
          capacity: budget,
          bandwidth: options.bandwidth,
        });
        const semantic = rep.violations.some((v) => v.kind !== "out_of_capacity");
        p.status = rep.ok ? "verified" : semantic ? "invalid" : "not_found";
        Object.assign(p, {
          atBudget: r.targets.length === 1,
          peakLive: rep.peakLive,
          arena: rep.arena,
          recomputedCost: rep.recomputedCost,
          recomputedFraction: rep.recomputedFraction,
          offloadedBytes: rep.offloadedBytes,
          ...(rep.transferSeconds !== undefined ? { transferSeconds: rep.transferSeconds } : {}),
          ...(r.planner?.costBound !== undefined ? { costBound: r.planner.costBound } : {}),
          gap: (r.planner?.details?.gap as number | null | undefined) ?? null,
        });
      }
      points.push(p);
      options.onPoint?.(p);
    }
  }
  return {
    graph: g.name,
    noRecomputePeak,
    noRecomputeBound,
    bound: a.bound,
    boundOp: a.boundOp,
    recomputeBound: a.recomputeBound,
    recomputeBoundOp: a.recomputeBoundOp,
    costSource: a.costs.source,
    points,
  };
}
