/**
 * Deliberately broken budget planners and judges: each carries one bug that a
 * check of property 8 must catch (p8_mutants_test.ts shows it does).
 *
 * @module
 */
import { EVENT, runEvents } from "../graph/budget/events.ts";
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import { programOrder } from "../graph/lifetimes.ts";
import { type BudgetReport, replayBudgetPlan } from "../simulator/budget/replay.ts";
import type { BudgetViolation } from "../simulator/budget/violations.ts";
import { analyseBudget } from "../solver/budget/analysis.ts";
import { measureEvents } from "../solver/budget/measure.ts";
import type { BudgetPlanner, BudgetPlanResult } from "../solver/budget/types.ts";
import { PLANTERS } from "./_budget_faults.ts";
import { oraclePlans } from "./_budget_oracle.ts";
import type { Judge } from "./_budget_properties.ts";

function withViolations(r: BudgetReport, kept: BudgetViolation[]): BudgetReport {
  const byKind: BudgetReport["violationsByKind"] = {};
  for (const v of kept) byKind[v.kind] = (byKind[v.kind] ?? 0) + 1;
  return {
    ...r,
    violations: kept,
    violationCount: kept.length,
    violationsByKind: byKind,
    ok: !kept.length,
  };
}

/**
 * The real judge less one check: it drops the violations `skip` selects, as
 * if the check that finds them were missing.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { residencies } from "../graph/budget/events.ts";
 * import { trainingChain } from "../graph/budget/training_chain.ts";
 * const g = trainingChain(1);
 * const events = { kind: new Uint8Array(1), target: Int32Array.of(0) }; // f1 only
 * const judge = judgeWithout((v) => v.kind === "not_run");
 * assert.equal(judge(g, events, residencies(g, events)).violationsByKind.not_run, undefined);
 * ```
 */
export function judgeWithout(skip: (v: BudgetViolation) => boolean): Judge {
  return (g, events, res, options) => {
    const r = replayBudgetPlan(g, events, res, options);
    return withViolations(r, r.violations.filter((v) => !skip(v)));
  };
}

/** Judges with one check missing or wrong, by the bug they carry. */
export const BROKEN_JUDGES: Readonly<Record<string, Judge>> = Object.freeze({
  "skips the input-resident check": judgeWithout((v) => v.kind === "not_resident" && !!v.op),
  "lets an op read what was offloaded": ((g, events, res, options) => {
    const r = replayBudgetPlan(g, events, res, options);
    const offloadedBefore = (v: BudgetViolation) =>
      v.kind === "not_resident" && v.op !== undefined &&
      [...events.target.slice(0, v.step)].some((x, e) =>
        events.kind[e] === EVENT.offload && g.tensorIds[x] === v.tensor
      );
    return withViolations(r, r.violations.filter((v) => !offloadedBefore(v)));
  }) as Judge,
  "skips the run-once rule": judgeWithout((v) => v.kind === "forbidden_rerun"),
  "skips the fetch check": judgeWithout((v) => v.kind === "stale_fetch"),
  "skips the overlap check": judgeWithout((v) => v.kind === "overlap"),
  "skips the budget check": judgeWithout((v) => v.kind === "out_of_capacity"),
  "skips the end-of-step check": judgeWithout((v) => v.kind === "not_resident_at_end"),
  "skips the every-op-runs check": judgeWithout((v) => v.kind === "not_run"),
  "names the reader's output, not the missing input": ((g, events, res, options) => {
    const r = replayBudgetPlan(g, events, res, options);
    return withViolations(
      r,
      r.violations.map((v) => {
        if (v.kind !== "not_resident" || v.op === undefined) return v;
        const op = g.opIndex.get(v.op)!;
        const out = g.outStart[op] < g.outStart[op + 1] ? g.outList[g.outStart[op]] : -1;
        return { ...v, tensor: out >= 0 ? g.tensorIds[out] : "?" };
      }),
    );
  }) as Judge,
  "counts recomputed runs, not their cost": ((g, events, res, options) => {
    const r = replayBudgetPlan(g, events, res, options);
    return { ...r, recomputedCost: r.recomputedRuns };
  }) as Judge,
  "measures the peak before the first recompute only": ((g, events, res, options) => {
    const r = replayBudgetPlan(g, events, res, options);
    const seen = new Set<number>();
    let cut = events.kind.length;
    for (let e = 0; e < events.kind.length && cut === events.kind.length; e++) {
      if (seen.has(events.target[e])) cut = e;
      seen.add(events.target[e]);
    }
    return cut < events.kind.length && r.peakStep >= cut ? { ...r, peakLive: r.peakLive - 1 } : r;
  }) as Judge,
});

function wrap(
  base: BudgetPlanner,
  bug: string,
  plan: BudgetPlanner["plan"],
): BudgetPlanner {
  return { name: `${base.name} (${bug})`, description: bug, plan };
}

/**
 * A planner whose plans lose a tensor a later op needs: it drops the first
 * run whose output is read next.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../graph/budget/training_chain.ts";
 * import { chenPlanner } from "../solver/budget/chen.ts";
 * const g = trainingChain(2);
 * const r = await dropsNeededTensor(chenPlanner).plan(g, { budget: 1e9 });
 * assert.equal(r.events!.kind.length, g.opCount - 1);
 * ```
 */
export function dropsNeededTensor(base: BudgetPlanner): BudgetPlanner {
  return wrap(base, "drops a needed tensor", async (g, options) => {
    const r = await base.plan(g, options);
    if (!r.events) return r;
    const broken = PLANTERS["missing input"](g, { events: r.events, offsets: new Float64Array() });
    return broken ? { ...r, events: broken.events } : r;
  });
}

/**
 * A planner that ignores the budget: the program order, claimed to fit.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../graph/budget/training_chain.ts";
 * import { chenPlanner } from "../solver/budget/chen.ts";
 * const r = await ignoresBudget(chenPlanner).plan(trainingChain(2), { budget: 1 });
 * assert.equal(r.peakLive, 1); // a lie: the program order peaks far higher
 * ```
 */
export function ignoresBudget(base: BudgetPlanner): BudgetPlanner {
  return wrap(base, "ignores the budget", (g, options) => {
    const events = runEvents(programOrder(g));
    return Promise.resolve({
      events,
      peakLive: Math.min(options.budget, measureEvents(analyseBudget(g), events).peakLive),
      cost: 0,
      status: "feasible",
      seconds: 0,
    });
  });
}

/**
 * A MILP whose reported cost is one more than its plan's.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../graph/budget/training_chain.ts";
 * import { chenPlanner } from "../solver/budget/chen.ts";
 * const r = await costOffByOne(chenPlanner).plan(trainingChain(2), { budget: 1e9 });
 * assert.equal(r.cost, 1); // its plan recomputes nothing
 * ```
 */
export function costOffByOne(base: BudgetPlanner): BudgetPlanner {
  return wrap(base, "reports a cost one above its plan's", async (g, options) => {
    const r = await base.plan(g, options);
    return r.cost === undefined ? r : { ...r, cost: r.cost + 1 };
  });
}

/**
 * The base planner's answer at the tightest budget any stage-form plan meets
 * (the oracle's least valid peak; tiny graphs only): valid, within any
 * budget, and as costly as plans get.
 */
async function atTightest(
  base: BudgetPlanner,
  g: IndexedGraph,
  options: Parameters<BudgetPlanner["plan"]>[1],
): Promise<BudgetPlanResult> {
  const peaks = oraclePlans(g).filter((p) => p.valid).map((p) => p.peak);
  const t = await base.plan(g, { ...options, budget: Math.min(...peaks) });
  return t.events ? t : await base.plan(g, options);
}

/**
 * An exact planner that always answers with its plan for the tightest budget
 * any plan meets: valid and within the budget, but not optimal.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../graph/budget/training_chain.ts";
 * import { chenPlanner } from "../solver/budget/chen.ts";
 * assert.match(suboptimal(chenPlanner).name, /tightest/);
 * ```
 */
export function suboptimal(base: BudgetPlanner): BudgetPlanner {
  return wrap(base, "answers with its tightest plan", (g, options) => atTightest(base, g, options));
}

/**
 * An exact planner that is right while recompute is needed, but where the
 * program order fits reports its big-M (the largest safe integer) as the
 * cost: a looser budget then costs more than a tighter one.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../graph/budget/training_chain.ts";
 * import { chenPlanner } from "../solver/budget/chen.ts";
 * const r = await notMonotone(chenPlanner).plan(trainingChain(2), { budget: 1e9 });
 * assert.equal(r.cost, Number.MAX_SAFE_INTEGER);
 * ```
 */
export function notMonotone(base: BudgetPlanner): BudgetPlanner {
  return wrap(base, "reports its big-M where nothing needs recomputing", async (g, options) => {
    const a = analyseBudget(g);
    const peak = measureEvents(a, runEvents(programOrder(g))).peakLive;
    const r = await base.plan(g, options);
    return options.budget >= peak && r.events ? { ...r, cost: Number.MAX_SAFE_INTEGER } : r;
  });
}
