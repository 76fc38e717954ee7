/**
 * The `moccasin` budget planner: the interval MILP of moccasin_model.ts on
 * HiGHS, over one fixed base order, with memory rows added lazily (solve,
 * replay the solution, add the rows where it overshoots, solve again).
 *
 * It starts from the cheapest of no recompute, Chen's sweep and the greedy
 * drops on the same order, and asks HiGHS only for cheaper plans (a cutoff).
 * A MILP plan is returned only when its replay fits the budget and it is
 * cheaper. "optimal" means optimal within the model — this base order,
 * recompute only, at most K−1 re-runs per op — and only when HiGHS proved it
 * with every violated row added; otherwise the best plan found, with HiGHS's
 * bound (valid for the full model, since fewer rows only relax it).
 *
 * @module
 */
import { type Events, runEvents } from "../../graph/budget/events.ts";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { programOrder } from "../../graph/lifetimes.ts";
import { KILL_GRACE, solveModel } from "../highs/solve.ts";
import { scheduleGreedy } from "../schedulers/greedy.ts";
import { analyseBudget, type BudgetAnalysis } from "./analysis.ts";
import { baseOrder, nextReadFrom } from "./base_order.ts";
import { measureEvents } from "./measure.ts";
import { MoccasinModel } from "./moccasin_model.ts";
import { budgetStarts } from "./starts.ts";
import type { BudgetPlanner, BudgetPlanOptions, BudgetPlanResult } from "./types.ts";

/** Options of {@linkcode planMoccasin} beyond the common ones. */
export interface MoccasinOptions extends BudgetPlanOptions {
  /** Intervals per tensor, its base run included (K); default 3. */
  intervals?: number;
  /** Memory rows added per round at most; default 60. */
  rowsPerRound?: number;
  /** Above this many base ops the model is restricted (see FULL_MODEL_OPS); default FULL_MODEL_OPS. */
  restrictAbove?: number;
  /** Start from no recompute, Chen and the greedy; default true (false tests the MILP alone). */
  warmStart?: boolean;
}

/** Above this many base ops only forward ops whose outputs the backward pass reads may re-run. */
export const FULL_MODEL_OPS = 400;
/** Above this many columns (before memory rows) the model is not solved. */
export const MAX_COLUMNS = 60000;

interface Plan {
  events: Events;
  peakLive: number;
  cost: number;
  from: string;
}

/**
 * The cheapest plan within the budget of no recompute, Chen's sweep and the
 * greedy, on `order` (those reached by `deadline`, `budgetStarts`).
 */
function warmStart(
  a: BudgetAnalysis,
  order: Int32Array,
  budget: number,
  deadline: number,
): Plan | undefined {
  let best: Plan | undefined;
  for (const { from, events } of budgetStarts(a, order, budget, deadline)) {
    const m = measureEvents(a, events);
    if (m.peakLive <= budget && (!best || m.cost < best.cost)) {
      best = { events, peakLive: m.peakLive, cost: m.cost, from };
    }
  }
  return best;
}

/**
 * Plans within a budget with the interval MILP.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * const g = trainingChain(4, 64);
 * const r = await planMoccasin(g, { budget: 300, timeLimit: Infinity });
 * assert.equal(r.status, "optimal"); // within its model: program order, ≤ 2 re-runs per op
 * assert.ok(r.peakLive! <= 300 && r.cost! > 0);
 * ```
 */
export async function planMoccasin(
  g: IndexedGraph,
  options: MoccasinOptions,
): Promise<BudgetPlanResult> {
  const t0 = performance.now();
  const a = options.analysis ?? analyseBudget(g);
  const limit = options.timeLimit ?? 60;
  const elapsed = () => (performance.now() - t0) / 1000;
  let order = options.order ?? programOrder(g);
  if (!options.order) {
    const reordered = scheduleGreedy(g).order;
    const peakOf = (o: Int32Array) => measureEvents(a, runEvents(o)).peakLive;
    if (peakOf(reordered) < peakOf(order)) order = reordered;
  }
  const K = Math.max(1, Math.floor(options.intervals ?? 3));
  // The starts, within the limit: at a short one they are the plan.
  let best = options.warmStart === false
    ? undefined
    : warmStart(a, order, options.budget, t0 + 1000 * limit);
  if (options.start) {
    const m = measureEvents(a, options.start);
    if (m.peakLive <= options.budget && (!best || m.cost < best.cost)) {
      best = { events: options.start, peakLive: m.peakLive, cost: m.cost, from: "given" };
    }
  }
  const startFrom = best?.from ?? null;
  const startCost = best?.cost ?? null;
  const done = (
    status: BudgetPlanResult["status"],
    extra: Record<string, unknown>,
    costBound?: number,
  ): BudgetPlanResult => {
    const details = { intervals: K, startFrom, startCost, ...extra };
    const bound = costBound !== undefined ? { costBound } : {};
    if (!best) return { status, seconds: elapsed(), ...bound, details };
    const { events, peakLive, cost } = best;
    return { events, peakLive, cost, status, seconds: elapsed(), ...bound, details };
  };
  if (best && best.cost === 0) return done("optimal", { milp: false }, 0);
  // Large graphs: only forward ops whose outputs the backward pass reads may re-run.
  let restricted = false;
  let allowed: Uint8Array | undefined;
  if (order.length > (options.restrictAbove ?? FULL_MODEL_OPS)) {
    restricted = true;
    allowed = new Uint8Array(g.opCount);
    const b = baseOrder(a, order);
    for (let t = 0; t < g.tensorCount; t++) {
      const p = g.producer[t];
      if (p >= 0 && b.pos[p] < b.backwardStart && nextReadFrom(b, t, b.backwardStart) >= 0) {
        allowed[p] = 1;
      }
    }
  }
  const mm = new MoccasinModel(a, order, { budget: options.budget, intervals: K, allowed });
  if (mm.model.numCols > MAX_COLUMNS) {
    return done(best ? "feasible" : "timeout", { tooLarge: true, columns: mm.model.numCols });
  }
  // First rows: where running every op once overshoots.
  const seed = runEvents(order);
  const live0 = measureEvents(a, seed).live;
  const times0 = mm.times(seed);
  const over = [...live0.keys()].filter((e) => live0[e] > options.budget)
    .sort((x, y) => live0[y] - live0[x]);
  const perRound = options.rowsPerRound ?? 60;
  for (const e of over.slice(0, perRound)) mm.addMemoryRow(times0[e]);
  let rounds = 0, bound: number | undefined, highsStatus = "", proved = false;
  // Set when a replay overshoots at a time whose memory row the solution
  // already satisfies: the model's count and the replay's disagree there, so
  // more rounds cannot help and "timeout" alone would mislead.
  let disagreement: number | undefined;
  const cutoffOf = () => best ? best.cost - Math.max(1e-9, 1e-9 * best.cost) : undefined;
  while (elapsed() < limit) {
    rounds++;
    const model = mm.model;
    // HiGHS's limit less the worker's kill grace, so that a stuck solve
    // still ends by the limit.
    const r = await solveModel(model, {
      timeLimit: Math.max(0.05, limit - elapsed() - KILL_GRACE),
      cutoff: cutoffOf(),
      // Binaries multiply tensor sizes of up to gigabytes: the default 1e-6
      // integrality slack would be worth bytes against the budget.
      highsOptions: { mip_feasibility_tolerance: 1e-9 },
    });
    highsStatus = r.highsStatus;
    if (r.bound !== undefined) bound = Math.max(0, r.bound);
    if (r.status === "infeasible") {
      // Nothing in the model beats the start (or, without one, fits at all).
      proved = true;
      bound = best?.cost;
      break;
    }
    if (!r.values) break;
    const events = mm.events(r.values);
    const m = measureEvents(a, events);
    if (m.peakLive <= options.budget) {
      if (!best || m.cost < best.cost) {
        best = { events, peakLive: m.peakLive, cost: m.cost, from: "milp" };
      }
      proved = r.status === "optimal";
      break;
    }
    // Overshoots where no row is yet: add the worst of them and solve again.
    const times = mm.times(events);
    const worst = [...m.live.keys()].filter((e) => m.live[e] > options.budget)
      .sort((x, y) => m.live[y] - m.live[x]);
    let added = 0;
    for (const e of worst) {
      if (added >= perRound) break;
      if (mm.addMemoryRow(times[e])) added++;
    }
    if (added === 0) {
      disagreement = worst[0];
      break;
    }
  }
  const extra = {
    milp: true,
    restricted,
    rounds,
    memoryRows: mm.rowsAt.size,
    columns: mm.model.numCols,
    rows: mm.model.numRows,
    highsStatus,
    from: best?.from ?? null,
    ...(disagreement !== undefined
      ? {
        stopped:
          `the replay overshoots the budget at event ${disagreement}, where the model's memory row holds: the model and the replay disagree, so the search stopped`,
      }
      : {}),
  };
  if (!best) {
    if (!proved || !restricted) return done(proved ? "infeasible" : "timeout", extra);
    // Proved only for the restricted model: no claim about the graph.
    return done("timeout", {
      ...extra,
      stopped:
        "no plan in the restricted model (only forward ops the backward pass reads may re-run); the full model was not tried",
    });
  }
  const costBound = bound !== undefined ? Math.min(bound, best.cost) : undefined;
  const gap = costBound !== undefined && best.cost > 0 ? (best.cost - costBound) / best.cost : null;
  if (proved && !restricted) return done("optimal", { ...extra, gap: 0 }, best.cost);
  return done(
    elapsed() >= limit ? "timeout" : "feasible",
    { ...extra, gap },
    restricted ? undefined : costBound,
  );
}

/**
 * The `moccasin` budget planner.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * const g = trainingChain(4, 64);
 * const r = await moccasinPlanner.plan(g, { budget: 300, timeLimit: 20 });
 * assert.ok(r.peakLive! <= 300);
 * ```
 */
export const moccasinPlanner: BudgetPlanner = {
  name: "moccasin",
  description: "MOCCASIN-style interval MILP on HiGHS, ≤ 2 re-runs per op, lazy memory rows",
  plan: planMoccasin,
};
