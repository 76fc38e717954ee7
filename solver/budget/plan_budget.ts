/**
 * Planning under a budget end to end: the bound check, a budget planner for
 * the events, a placer for the offsets, tightening the planner's target when
 * placement overshoots. The result is unverified: callers replay it with the
 * simulator.
 *
 * @module
 */
import { type BudgetPlan, buildBudgetPlan } from "../../graph/budget/budget_plan.ts";
import type { Events } from "../../graph/budget/events.ts";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import type { PlaceResult } from "../types.ts";
import { analyseBudget, type BudgetAnalysis } from "./analysis.ts";
import { placeResidencies } from "./place_residencies.ts";
import { getBudgetPlanner, neverOffloads } from "./registry.ts";
import type { BudgetPlanner, BudgetPlanResult } from "./types.ts";

/** Options of {@linkcode planUnderBudget}. */
export interface PlanUnderBudgetOptions {
  budget: number;
  /**
   * Registered budget planner by name, or a planner object (tests plug in
   * deliberately broken ones); default `greedy`.
   */
  planner?: string | BudgetPlanner;
  /**
   * Registered placer; default `best`, then the exact `search` when best's arena
   * is over the budget.
   */
  placer?: string;
  /** Seconds for the planner (the placer gets a fifth of it more per attempt). */
  timeLimit?: number;
  seed?: number;
  bandwidth?: number;
  analysis?: BudgetAnalysis;
  /** Events of an earlier plan a planner may start from. */
  start?: Events;
}

/**
 * The share of the limit a budget planner gets (within what is left); its
 * placement and, when that overshoots, the exact search a fifth each.
 */
const PLANNER_SHARE = 0.6;

/** The outcome: a plan, a proof that none exists, or nothing found. */
export interface PlannedUnderBudget {
  /** `impossible`: the budget is below `bound`; `not_found`: this planner found no plan. */
  status: "planned" | "impossible" | "not_found";
  /** The lower bound that applies to this planner's kind of plan. */
  bound: number;
  boundOp: string;
  /**
   * `footprint`: no plan at all fits below `bound` (an op's operands plus weights
   * and optimizer state); `recompute`: no plan that only recomputes does (tensors
   * no re-run can make again stay resident) — an offloading plan might.
   */
  boundKind: "footprint" | "recompute";
  /** The recompute-only bound of the graph (≥ the footprint bound), whichever applies. */
  recomputeBound: number;
  recomputeBoundOp: string;
  plan?: BudgetPlan;
  events?: Events;
  offsets?: Float64Array;
  planner?: BudgetPlanResult;
  placement?: PlaceResult;
  /** Planner targets tried (the budget, then lower ones when placement overshot). */
  targets: number[];
  seconds: number;
}

/**
 * Plans a graph within `budget` bytes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * const g = trainingChain(4, 64);
 * const r = await planUnderBudget(g, { budget: 400, planner: "chen", placer: "greedy-size" });
 * assert.equal(r.status, "planned"); // else "impossible" or "not_found"
 * ```
 */
export async function planUnderBudget(
  g: IndexedGraph,
  options: PlanUnderBudgetOptions,
): Promise<PlannedUnderBudget> {
  const t0 = performance.now();
  const a = options.analysis ?? analyseBudget(g);
  const seconds = () => (performance.now() - t0) / 1000;
  const planner = typeof options.planner === "object"
    ? options.planner
    : getBudgetPlanner(options.planner ?? "greedy");
  const name = planner.name;
  const recomputeOnly = neverOffloads(planner);
  // Below the bound of every plan that is the stronger statement, so it is the one made.
  const byRecompute = recomputeOnly && options.budget >= a.bound &&
    options.budget < a.recomputeBound;
  const base = {
    bound: byRecompute ? a.recomputeBound : a.bound,
    boundOp: byRecompute ? a.recomputeBoundOp : a.boundOp,
    boundKind: byRecompute ? "recompute" as const : "footprint" as const,
    recomputeBound: a.recomputeBound,
    recomputeBoundOp: a.recomputeBoundOp,
    targets: [] as number[],
  };
  if (options.budget < base.bound) return { ...base, status: "impossible", seconds: seconds() };
  // One deadline for every attempt, planner and placement alike: each planner
  // with the whole limit and each placement with a fifth (at least a second)
  // took 8 s at a 2 s limit (two attempts of greedy, 20,000 tensors).
  const timeLimit = options.timeLimit ?? 30;
  const deadline = t0 + timeLimit * 1000;
  const left = () => Math.max(0, (deadline - performance.now()) / 1000);
  // A placement gets a fifth of the limit, within what is left; the first
  // attempt's at least a tenth even past the deadline, as its plan is owed.
  const placeLimit = (attempt: number, share: number) => {
    const within = Math.min(timeLimit / 5, share);
    return attempt === 0 ? Math.max(within, timeLimit / 10) : within;
  };
  let target = options.budget;
  let last: PlannedUnderBudget = { ...base, status: "not_found", seconds: 0 };
  // A lower target under the planner's own bound could never be met.
  const floor = recomputeOnly ? a.recomputeBound : a.bound;
  for (let attempt = 0; attempt < 4 && target >= floor; attempt++) {
    // A later attempt only with time left: the first one's plan is owed.
    if (attempt > 0 && left() === 0) break;
    base.targets.push(target);
    const r = await planner.plan(g, {
      budget: target,
      timeLimit: Math.min(PLANNER_SHARE * timeLimit, left()),
      seed: options.seed,
      analysis: a,
      start: options.start,
    });
    if (!r.events) return { ...base, status: "not_found", planner: r, seconds: seconds() };
    let placement = await placeResidencies(g, r.events, {
      capacity: options.budget,
      placer: options.placer,
      timeLimit: placeLimit(attempt, left() / 2),
      seed: options.seed,
    });
    let placerName = options.placer ?? "best";
    if (placement.arena > options.budget && options.placer === undefined) {
      // `best` minimises the arena; the exact search instead asks "does it fit
      // under the budget?", which is the question here and often quicker answered
      // (within 0.1% of peak live it can be the only one that finds a fit in time).
      const exact = await placeResidencies(g, r.events, {
        capacity: options.budget,
        placer: "search",
        timeLimit: placeLimit(attempt, left()),
        seed: options.seed,
      });
      if (exact.arena <= options.budget) [placement, placerName] = [exact, "search"];
    }
    const plan = buildBudgetPlan(g, {
      events: r.events,
      offsets: placement.offsets,
      capacity: options.budget,
      bandwidth: options.bandwidth,
      planner: {
        name,
        status: r.status,
        seconds: r.seconds,
        ...(r.costBound !== undefined ? { costBound: r.costBound } : {}),
        ...r.details,
        placer: placerName,
        placerStatus: placement.status,
        target,
      },
    });
    last = {
      ...base,
      status: placement.arena <= options.budget ? "planned" : "not_found",
      plan,
      events: r.events,
      offsets: placement.offsets,
      planner: r,
      placement,
      seconds: 0,
    };
    if (placement.arena <= options.budget) break;
    // Ask for at least the overshoot less, and for room for the fragmentation
    // this placement left (a planner already under its target returns the same
    // events if only the target moves).
    const room = r.peakLive !== undefined
      ? options.budget - (placement.arena - r.peakLive)
      : Infinity;
    target = Math.min(target - Math.max(placement.arena - options.budget, g.alignment), room);
  }
  return { ...last, seconds: seconds() };
}
