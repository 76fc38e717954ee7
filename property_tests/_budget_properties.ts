/**
 * The checks of property 8, each a plain function of the planner and judge it
 * holds to account, so that p8_budget_test.ts runs them on the registered
 * planners and the real judge, and p8_mutants_test.ts runs them on broken ones
 * and shows each check fails.
 *
 * @module
 */
import assert from "node:assert/strict";
import { parseBudgetPlan, resolveBudgetPlan } from "../graph/budget/budget_plan.ts";
import { EVENT, type Events, residencies } from "../graph/budget/events.ts";
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import { programOrder } from "../graph/lifetimes.ts";
import type { BudgetReport, replayBudgetPlan } from "../simulator/budget/replay.ts";
import type { BudgetViolation } from "../simulator/budget/violations.ts";
import { analyseBudget } from "../solver/budget/analysis.ts";
import { planUnderBudget } from "../solver/budget/plan_budget.ts";
import { neverOffloads } from "../solver/budget/registry.ts";
import type { BudgetPlanner } from "../solver/budget/types.ts";
import { oracleCost, type OraclePlan } from "./_budget_oracle.ts";
import { matches, PLANTERS, type ValidPlan } from "./_budget_faults.ts";

/** The judge's signature: the real one is `replayBudgetPlan` (simulator/budget/). */
export type Judge = typeof replayBudgetPlan;

/**
 * Violations that say the plan changes the step's results (not where it sits in memory).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../graph/budget/training_chain.ts";
 * import { verifyBudgetPlan } from "../simulator/budget/verify_budget_plan.ts";
 * const report = verifyBudgetPlan(trainingChain(1), { format: "memplan.plan/v2", order: ["f1"] });
 * assert.equal(semantic(report).filter((v) => v.kind === "not_run").length, 3);
 * ```
 */
export function semantic(report: BudgetReport): BudgetViolation[] {
  return report.violations.filter((v) => v.kind !== "overlap" && v.kind !== "out_of_capacity");
}

const judgeEvents = (judge: Judge, g: IndexedGraph, events: Events) =>
  judge(g, events, residencies(g, events));

/**
 * A plan at any budget: below the bound the answer is "impossible"; the
 * planner's events keep the step's results, peak within the budget, and cost
 * what the planner claims; a plan placed within the budget verifies, from its
 * JSON, with its arena within the budget. Returns whether the plan recomputed
 * or offloaded anything (so a run can tell the judge was exercised).
 *
 * @example
 * ```ts
 * import { trainingChain } from "../graph/budget/training_chain.ts";
 * import { replayBudgetPlan } from "../simulator/budget/replay.ts";
 * import { BUDGET_PLANNERS } from "../solver/budget/registry.ts";
 * import assert from "node:assert/strict";
 * const g = trainingChain(4, 64);
 * const did = await checkPlanWithinBudget(g, 350, BUDGET_PLANNERS.chen, replayBudgetPlan);
 * assert.equal(did, true); // 350 B needs recompute
 * ```
 */
export async function checkPlanWithinBudget(
  g: IndexedGraph,
  budget: number,
  planner: BudgetPlanner,
  judge: Judge,
  options: { placer?: string; timeLimit?: number } = {},
): Promise<boolean> {
  const a = analyseBudget(g);
  const timeLimit = options.timeLimit ?? 10;
  const r = await planUnderBudget(g, {
    budget,
    planner,
    placer: options.placer ?? "greedy-size",
    timeLimit,
    analysis: a,
  });
  // A registered planner that never offloads is held to the recompute-only bound.
  const floor = neverOffloads(planner) ? a.recomputeBound : a.bound;
  if (budget < floor) {
    assert.equal(r.status, "impossible", `budget ${budget} below the bound ${floor}`);
    return false;
  }
  assert.notEqual(r.status, "impossible", `impossible at ${budget}, bound ${floor}`);
  if (!r.planner?.events) return false; // none found: a heuristic may miss; it must not lie
  const own = judgeEvents(judge, g, r.planner.events);
  const target = r.targets[r.targets.length - 1];
  assert.deepEqual(semantic(own), [], `${planner.name}'s events are invalid`);
  assert.ok(own.peakLive <= target, `${planner.name}: peak ${own.peakLive} over ${target}`);
  if (own.offloadedBytes === 0) {
    assert.ok(own.peakLive >= a.recomputeBound, `peak ${own.peakLive} below the recompute bound`);
  }
  if (r.planner.cost !== undefined) {
    assert.equal(r.planner.cost, own.recomputedCost, `${planner.name} misstates its cost`);
  }
  if (r.planner.peakLive !== undefined) {
    assert.equal(r.planner.peakLive, own.peakLive, `${planner.name} misstates its peak`);
  }
  const value = parseBudgetPlan(JSON.parse(JSON.stringify(r.plan)), "plan.json");
  const rp = resolveBudgetPlan(g, value);
  const report = judge(g, rp.events, rp.residencies, {
    offsets: rp.offsets,
    capacity: rp.capacity,
  });
  assert.deepEqual(semantic(report), [], `${planner.name}'s plan is invalid`);
  if (r.status === "planned") {
    assert.equal(report.ok, true, `${planner.name}'s plan does not verify`);
    assert.ok(report.arena <= budget, `arena ${report.arena} over ${budget}`);
  }
  return report.recomputedRuns > 0 || report.offloadedBytes > 0;
}

/**
 * An exact planner, given no time limit and the program order, proves at
 * every budget the least cost the oracle finds, and its plan (judged) costs
 * that and fits.
 *
 * @example
 * ```ts
 * import { trainingChain } from "../graph/budget/training_chain.ts";
 * import { replayBudgetPlan } from "../simulator/budget/replay.ts";
 * import { BUDGET_PLANNERS } from "../solver/budget/registry.ts";
 * import { oraclePlans } from "./_budget_oracle.ts";
 * const g = trainingChain(2, [8, 16, 4]);
 * const plans = oraclePlans(g);
 * const peaks = plans.filter((p) => p.valid).map((p) => p.peak);
 * await checkExactMatchesOracle(g, plans, [Math.min(...peaks)], BUDGET_PLANNERS.checkmate, replayBudgetPlan);
 * ```
 */
export async function checkExactMatchesOracle(
  g: IndexedGraph,
  plans: OraclePlan[],
  budgets: number[],
  planner: BudgetPlanner,
  judge: Judge,
): Promise<void> {
  for (const budget of budgets) {
    const expected = oracleCost(plans, budget);
    const r = await planner.plan(g, { budget, timeLimit: Infinity, order: programOrder(g) });
    assert.equal(r.status, "optimal", `budget ${budget}: ${r.status}`);
    assert.equal(r.cost, expected, `budget ${budget}: claimed cost against the oracle's`);
    const report = judgeEvents(judge, g, r.events!);
    assert.deepEqual(semantic(report), [], `budget ${budget}: invalid plan`);
    assert.ok(report.peakLive <= budget, `budget ${budget}: peak ${report.peakLive}`);
    assert.equal(
      report.recomputedCost,
      expected,
      `budget ${budget}: judged cost against the oracle's`,
    );
  }
}

/**
 * Tightening the budget never lowers an exact planner's proved cost (the
 * budgets are walked from the loosest down).
 *
 * @example
 * ```ts
 * import { trainingChain } from "../graph/budget/training_chain.ts";
 * import { BUDGET_PLANNERS } from "../solver/budget/registry.ts";
 * await checkTighteningMonotone(trainingChain(2, [8, 16, 4]), [90, 70], BUDGET_PLANNERS.checkmate);
 * ```
 */
export async function checkTighteningMonotone(
  g: IndexedGraph,
  budgets: number[],
  planner: BudgetPlanner,
): Promise<void> {
  let previous = -Infinity;
  for (const budget of [...budgets].sort((x, y) => y - x)) {
    const r = await planner.plan(g, { budget, timeLimit: Infinity, order: programOrder(g) });
    const cost = r.status === "optimal" ? r.cost! : r.status === "infeasible" ? Infinity : NaN;
    assert.ok(!Number.isNaN(cost), `budget ${budget}: ${r.status} without a time limit`);
    assert.ok(cost >= previous, `budget ${budget} costs ${cost}, a looser one ${previous}`);
    previous = cost;
  }
}

/**
 * The judge's measure of every plan the oracle enumerates agrees with the
 * oracle's: validity, peak and recomputed cost.
 *
 * @example
 * ```ts
 * import { trainingChain } from "../graph/budget/training_chain.ts";
 * import { replayBudgetPlan } from "../simulator/budget/replay.ts";
 * import { oraclePlans } from "./_budget_oracle.ts";
 * const g = trainingChain(2, [8, 16, 4]);
 * checkJudgeAgreesWithOracle(g, oraclePlans(g), replayBudgetPlan);
 * ```
 */
export function checkJudgeAgreesWithOracle(
  g: IndexedGraph,
  plans: OraclePlan[],
  judge: Judge,
): void {
  for (const p of plans) {
    const events = { kind: new Uint8Array(p.runs.length), target: Int32Array.from(p.runs) };
    const report = judgeEvents(judge, g, events);
    const what = `runs ${p.runs.map((v) => g.opIds[v]).join(" ")}`;
    assert.equal(semantic(report).length === 0, p.valid, `${what}: validity`);
    assert.equal(report.peakLive, p.peak, `${what}: peak`);
    assert.equal(report.recomputedCost, p.cost, `${what}: recomputed cost`);
  }
}

/**
 * Every fault planted into a valid plan is reported with its precise
 * violation (kind, op, tensor, step). Returns the faults that applied.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { residencies, runEvents } from "../graph/budget/events.ts";
 * import { trainingChain } from "../graph/budget/training_chain.ts";
 * import { programOrder } from "../graph/lifetimes.ts";
 * import { replayBudgetPlan } from "../simulator/budget/replay.ts";
 * const g = trainingChain(2);
 * const events = runEvents(programOrder(g));
 * const { offsets } = replayBudgetPlan(g, events, residencies(g, events));
 * assert.ok(checkFaultsCaught(g, { events, offsets }, replayBudgetPlan).includes("overlap"));
 * ```
 */
export function checkFaultsCaught(g: IndexedGraph, plan: ValidPlan, judge: Judge): string[] {
  const clean = judge(g, plan.events, residencies(g, plan.events), { offsets: plan.offsets });
  assert.deepEqual(clean.violations, [], "the plan faults are planted into is not valid");
  const applied: string[] = [];
  for (const [name, plant] of Object.entries(PLANTERS)) {
    const p = plant(g, plan);
    if (!p) continue;
    applied.push(name);
    const report = judge(g, p.events, residencies(g, p.events), {
      offsets: p.offsets,
      capacity: p.capacity,
      violationCap: Infinity,
    });
    assert.ok(
      report.violations.some((v) => matches(v, p.expected)),
      `${name}: expected ${JSON.stringify(p.expected)}, got ${
        JSON.stringify(report.violations.slice(0, 5))
      }`,
    );
    assert.equal(report.ok, false, `${name}: reported ok`);
  }
  return applied;
}

/**
 * True when the events recompute (an op runs twice) or offload.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { runEvents } from "../graph/budget/events.ts";
 * assert.equal(recomputesOrOffloads(runEvents([0, 1, 0, 2])), true);
 * assert.equal(recomputesOrOffloads(runEvents([0, 1, 2])), false);
 * ```
 */
export function recomputesOrOffloads(events: Events): boolean {
  const seen = new Set<number>();
  for (let e = 0; e < events.kind.length; e++) {
    if (events.kind[e] !== EVENT.run) return true;
    if (seen.has(events.target[e])) return true;
    seen.add(events.target[e]);
  }
  return false;
}

/**
 * The recompute-only bound (graph/budget/recompute_bound.ts) is at most the
 * peak of every valid plan the oracle enumerates. Returns whether it said more
 * than the footprint bound (tensors kept mattered), so a run can tell the
 * property was not vacuous.
 *
 * @example
 * ```ts
 * import { trainingChain } from "../graph/budget/training_chain.ts";
 * import { oraclePlans } from "./_budget_oracle.ts";
 * const g = trainingChain(2, [8, 16, 4]);
 * checkRecomputeBoundBelowPlans(g, oraclePlans(g));
 * ```
 */
export function checkRecomputeBoundBelowPlans(
  g: IndexedGraph,
  plans: OraclePlan[],
  boundOf: (g: IndexedGraph) => number = (h) => analyseBudget(h).recomputeBound,
): boolean {
  const bound = boundOf(g);
  for (const p of plans) {
    if (!p.valid) continue;
    assert.ok(
      p.peak >= bound,
      `plan ${p.runs.map((v) => g.opIds[v]).join(",")} peaks at ${p.peak}, ` +
        `below the recompute-only bound ${bound}`,
    );
  }
  return bound > analyseBudget(g).bound;
}
