/**
 * The exact budget planner: the Checkmate-style MILP of checkmate_model.ts,
 * solved by HiGHS from the best of the Chen and greedy plans as a start. Its
 * base order is the program order, or the memory-aware greedy order when that
 * peaks lower. On small graphs it proves the least recompute cost of any plan
 * of that base order that recomputes in stages; on larger ones it windows the
 * model (re-runs only in the backward pass), and on larger ones still makes it
 * compact (re-runs only of ops a start re-runs; tensors nothing re-makes are
 * constants); it says which, and reports its gap within that model.
 *
 * @module
 */
import { EVENT, type Events, runEvents } from "../../graph/budget/events.ts";
import { scheduleGreedy } from "../schedulers/greedy.ts";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { programOrder } from "../../graph/lifetimes.ts";
import { evaluate } from "../highs/model.ts";
import { KILL_GRACE, solveModel } from "../highs/solve.ts";
import { analyseBudget } from "./analysis.ts";
import { baseOrder, nextReadFrom } from "./base_order.ts";
import { buildCheckmateModel, checkmateEvents, checkmatePoint } from "./checkmate_model.ts";
import { budgetStarts } from "./starts.ts";
import { measureEvents } from "./measure.ts";
import type { BudgetPlanner, BudgetPlanOptions, BudgetPlanResult } from "./types.ts";

/** Above this many R and S columns the model is windowed to the backward pass. */
export const FULL_MODEL_COLUMNS = 20000;
/** Above this many R and S columns even the windowed model is not built. */
export const WINDOWED_MODEL_COLUMNS = 60000;

/**
 * Solves the MILP for one budget.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * const g = trainingChain(4, 64);
 * const r = await planCheckmate(g, { budget: 300, timeLimit: Infinity });
 * assert.equal(r.status, "optimal");
 * assert.ok(r.peakLive! <= 300);
 * ```
 */
export async function planCheckmate(
  g: IndexedGraph,
  options: BudgetPlanOptions,
): Promise<BudgetPlanResult> {
  const t0 = performance.now();
  const a = options.analysis ?? analyseBudget(g);
  // The base order: program order, or the memory-aware greedy order when its peak is lower.
  let order = options.order ?? programOrder(g);
  if (!options.order) {
    const reordered = scheduleGreedy(g).order;
    const peakOf = (o: Int32Array) => measureEvents(a, runEvents(o)).peakLive;
    if (peakOf(reordered) < peakOf(order)) order = reordered;
  }
  const isProgram = order.every((v, i) => v === i);
  // Starts: the given plan, Chen's sweep and the greedy, all in stage form of
  // program order, those reached within the limit: at a short one they are
  // the plan (the greedy's most often), the model only comes with time left.
  const limit = options.timeLimit ?? 60;
  const starts = budgetStarts(a, order, options.budget, t0 + 1000 * limit);
  const candidates: Events[] = [
    ...(options.start ? [options.start] : []),
    ...starts.filter((s) => s.from === "chen").map((s) => s.events),
    ...starts.filter((s) => s.from !== "chen").map((s) => s.events),
  ];
  const forward = baseOrder(a, order).backwardStart;
  let fallback: { events: Events; peakLive: number; cost: number } | undefined;
  for (const events of candidates) {
    const m = measureEvents(a, events);
    if (m.peakLive <= options.budget && (!fallback || m.cost < fallback.cost)) {
      fallback = { events, peakLive: m.peakLive, cost: m.cost };
    }
  }
  let windowed = false;
  // A model is built only while a fifth of the limit is left for HiGHS.
  const buildBy = t0 + 800 * limit;
  let cm = buildCheckmateModel(a, order, {
    budget: options.budget,
    maxColumns: FULL_MODEL_COLUMNS,
    deadline: buildBy,
  });
  if (!cm) {
    windowed = true;
    cm = buildCheckmateModel(a, order, {
      budget: options.budget,
      firstRecomputeStage: forward,
      maxColumns: WINDOWED_MODEL_COLUMNS,
      deadline: buildBy,
    });
  }
  let compact = false;
  if (!cm) {
    // Compact: re-runs only of ops some start re-runs; tensors nothing re-makes are constants.
    compact = true;
    const allowed = new Uint8Array(g.opCount);
    for (const events of candidates) {
      const seen = new Uint8Array(g.opCount);
      for (let e = 0; e < events.kind.length; e++) {
        const v = events.target[e];
        if (events.kind[e] !== EVENT.run) continue;
        if (seen[v]) allowed[v] = 1;
        seen[v] = 1;
      }
    }
    // Widen to every producer of a tensor the backward pass reads, if that still fits.
    const wide = allowed.slice();
    const b = baseOrder(a, order);
    for (let t = 0; t < g.tensorCount; t++) {
      const p = g.producer[t];
      if (p >= 0 && b.pos[p] < forward && nextReadFrom(b, t, forward) >= 0) wide[p] = 1;
    }
    for (const set of [wide, allowed]) {
      cm = buildCheckmateModel(a, order, {
        budget: options.budget,
        firstRecomputeStage: forward,
        allowed: set,
        fixedNonRecreatable: true,
        maxColumns: WINDOWED_MODEL_COLUMNS,
        deadline: buildBy,
      });
      if (cm) break;
    }
  }
  if (!cm) {
    // Too large to model (or to model in time): the best start, said plainly.
    const seconds = (performance.now() - t0) / 1000;
    const details = {
      ...(performance.now() > buildBy ? { modelBuilt: "not within the time limit" } : {
        tooLarge: true,
      }),
      start: fallback ? "chen/greedy" : null,
    };
    if (!fallback) return { status: "timeout", seconds, details };
    return { ...fallback, status: "feasible", seconds, details };
  }
  let start: Float64Array | undefined, startCost = Infinity;
  for (const events of candidates) {
    if (start && performance.now() > buildBy) break;
    const x = checkmatePoint(a, cm, events);
    if (!x) continue;
    const ev = evaluate(cm.model, x);
    if (ev.feasible && ev.objective < startCost) {
      start = x;
      startCost = ev.objective;
    }
  }
  // HiGHS's limit less the worker's kill grace, so that a stuck solve still
  // ends by the limit.
  const timeLimit = Math.max(0.05, limit - (performance.now() - t0) / 1000 - KILL_GRACE);
  const r = await solveModel(cm.model, {
    timeLimit,
    mipStart: start,
    // Binaries multiply tensor sizes of up to gigabytes: the default 1e-6
    // integrality slack would be worth bytes against the budget.
    highsOptions: { mip_feasibility_tolerance: 1e-9 },
  });
  const seconds = (performance.now() - t0) / 1000;
  const details = {
    base: isProgram ? "program" : "greedy",
    columns: cm.model.numCols,
    rows: cm.model.numRows,
    windowed,
    compact,
    startCost: Number.isFinite(startCost) ? startCost : null,
    highsStatus: r.highsStatus,
    gap: r.gap ?? null,
  };
  if (!r.values) {
    // A restricted model can be infeasible where a start is not: the start stands.
    if (fallback) {
      const status = r.status === "infeasible" ? "feasible" : "timeout";
      return { ...fallback, status, seconds, details: { ...details, start: true } };
    }
    return { status: r.status === "infeasible" ? "infeasible" : "timeout", seconds, details };
  }
  const events = checkmateEvents(cm, r.values);
  const m = measureEvents(a, events);
  if (m.peakLive > options.budget) {
    // The replay is the judge: a solution it finds over the budget is no plan.
    const stopped = `the solution replays at ${m.peakLive} B, over the budget: the model and ` +
      `the replay disagree`;
    if (fallback) {
      return { ...fallback, status: "feasible", seconds, details: { ...details, stopped } };
    }
    return { status: "timeout", seconds, details: { ...details, stopped } };
  }
  const proved = r.status === "optimal" && !windowed && !compact;
  if (!proved && fallback && fallback.cost < m.cost) {
    // The start could not be given to a restricted model (or the solver stopped
    // early): the cheaper start stands, and the model's plan is not returned.
    const status = r.status === "timeout" ? "timeout" : "feasible";
    return {
      ...fallback,
      status,
      seconds,
      details: { ...details, start: true, modelCost: m.cost },
    };
  }
  return {
    events,
    peakLive: m.peakLive,
    cost: m.cost,
    status: proved ? "optimal" : r.status === "timeout" ? "timeout" : "feasible",
    seconds,
    ...(r.bound !== undefined && !windowed && !compact ? { costBound: Math.max(0, r.bound) } : {}),
    details,
  };
}

/**
 * The `checkmate` budget planner.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * const g = trainingChain(4, 64);
 * const r = await checkmatePlanner.plan(g, { budget: 300, timeLimit: Infinity });
 * assert.ok(r.status === "optimal" && r.peakLive! <= 300);
 * ```
 */
export const checkmatePlanner: BudgetPlanner = {
  name: "checkmate",
  description: "Checkmate-style MILP on HiGHS over the program order (exact on small graphs)",
  plan: planCheckmate,
};
