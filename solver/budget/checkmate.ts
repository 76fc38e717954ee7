/**
 * The exact budget planner: the Checkmate-style MILP of checkmate_model.ts,
 * solved by HiGHS from the best of the Chen and greedy plans as a start. On
 * small graphs it proves the least recompute cost of any plan of the program
 * order that recomputes in stages; on larger ones it windows the model (re-runs
 * only in the backward pass), says so, and reports its gap.
 *
 * @module
 */
import type { Events } from "../../graph/budget/events.ts";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { programOrder } from "../../graph/lifetimes.ts";
import { evaluate } from "../highs/model.ts";
import { solveModel } from "../highs/solve.ts";
import { analyseBudget } from "./analysis.ts";
import { baseOrder } from "./base_order.ts";
import { chenPlan } from "./chen.ts";
import { buildCheckmateModel, checkmateEvents, checkmatePoint } from "./checkmate_model.ts";
import { greedyDrops } from "./greedy.ts";
import { measureEvents } from "./measure.ts";
import type { BudgetPlanner, BudgetPlanOptions, BudgetPlanResult } from "./types.ts";

/** Above this many columns the model is windowed to the backward pass. */
export const FULL_MODEL_COLUMNS = 30000;

/**
 * Solves the MILP for one budget.
 *
 * @example
 * ```ts
 * const r = await planCheckmate(g, { budget: 1 << 20, timeLimit: 60 });
 * r.status; // "optimal" when proved
 * ```
 */
export async function planCheckmate(
  g: IndexedGraph,
  options: BudgetPlanOptions,
): Promise<BudgetPlanResult> {
  const t0 = performance.now();
  const a = options.analysis ?? analyseBudget(g);
  const order = programOrder(g);
  let cm = buildCheckmateModel(a, order, { budget: options.budget });
  let windowed = false;
  if (cm.model.numCols > FULL_MODEL_COLUMNS) {
    windowed = true;
    cm = buildCheckmateModel(a, order, {
      budget: options.budget,
      firstRecomputeStage: baseOrder(a, order).backwardStart,
    });
  }
  // Starts: the given plan, Chen's sweep and the greedy, all in stage form of program order.
  const candidates: Events[] = [];
  if (options.start) candidates.push(options.start);
  const forward = baseOrder(a, order).backwardStart;
  for (let k = 1; k <= forward + 1; k = k < 8 ? k + 1 : Math.ceil(k * 1.5)) {
    candidates.push(chenPlan(a, k).events);
  }
  const greedy = greedyDrops(a, order, options.budget);
  if (greedy.fits) candidates.push(greedy.events);
  let start: Float64Array | undefined, startCost = Infinity;
  for (const events of candidates) {
    const x = checkmatePoint(a, cm, events);
    if (!x) continue;
    const ev = evaluate(cm.model, x);
    if (ev.feasible && ev.objective < startCost) {
      start = x;
      startCost = ev.objective;
    }
  }
  const timeLimit = Math.max(0.1, (options.timeLimit ?? 60) - (performance.now() - t0) / 1000);
  const r = await solveModel(cm.model, { timeLimit, mipStart: start });
  const seconds = (performance.now() - t0) / 1000;
  const details = {
    columns: cm.model.numCols,
    rows: cm.model.numRows,
    windowed,
    startCost: Number.isFinite(startCost) ? startCost : null,
    highsStatus: r.highsStatus,
    gap: r.gap ?? null,
  };
  if (!r.values) {
    return {
      status: r.status === "infeasible" ? "infeasible" : "timeout",
      seconds,
      details,
    };
  }
  const events = checkmateEvents(cm, r.values);
  const m = measureEvents(a, events);
  const proved = r.status === "optimal" && !windowed;
  return {
    events,
    peakLive: m.peakLive,
    cost: m.cost,
    status: proved ? "optimal" : r.status === "timeout" ? "timeout" : "feasible",
    seconds,
    ...(r.bound !== undefined && !windowed ? { costBound: Math.max(0, r.bound) } : {}),
    details,
  };
}

/**
 * The `checkmate` budget planner.
 *
 * @example
 * ```ts
 * const r = await checkmatePlanner.plan(g, { budget: 1 << 30, timeLimit: 300 });
 * ```
 */
export const checkmatePlanner: BudgetPlanner = {
  name: "checkmate",
  description: "Checkmate-style MILP on HiGHS over the program order (exact on small graphs)",
  plan: planCheckmate,
};
