/**
 * Property 8, plans under a memory budget, over every planner of
 * BUDGET_PLANNER_TABLE (its traits say which are exact): a plan at any budget
 * verifies by the judge and fits the budget, "impossible" only below the
 * bound; an exact planner equals the independent brute-force oracle on tiny
 * graphs and never gets cheaper when the budget tightens; the judge agrees
 * with the oracle on every enumerated plan; planted faults in recompute and
 * offload plans are each reported with their precise violation.
 * p8_mutants_test.ts shows each check failing on a planted bug.
 */
import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { runEvents } from "../graph/budget/events.ts";
import { type IndexedGraph, indexGraph } from "../graph/indexed_graph.ts";
import { programOrder } from "../graph/lifetimes.ts";
import { replayBudgetPlan } from "../simulator/budget/replay.ts";
import { analyseBudget } from "../solver/budget/analysis.ts";
import { measureEvents } from "../solver/budget/measure.ts";
import { planUnderBudget } from "../solver/budget/plan_budget.ts";
import { BUDGET_PLANNER_TABLE, budgetPlannerNames } from "../solver/budget/registry.ts";
import { oraclePlans, oracleSlots } from "./_budget_oracle.ts";
import { PLANTERS, type ValidPlan } from "./_budget_faults.ts";
import {
  checkExactMatchesOracle,
  checkFaultsCaught,
  checkJudgeAgreesWithOracle,
  checkPlanWithinBudget,
  checkTighteningMonotone,
  recomputesOrOffloads,
} from "./_budget_properties.ts";
import { propertyTest } from "./_property.ts";
import { arbTrainingGraph } from "./arb_training_graph.ts";
import { arbChainGraph } from "./arb_chain_graph.ts";

/**
 * Training graphs (random training steps, and deep chains where recompute
 * pays) and a budget drawn from below the bound to above the program-order peak.
 */
export const graphAndBudget = (maxLayers: number, chainsOnly = false) =>
  fc.tuple(
    chainsOnly ? arbChainGraph(maxLayers + 2) : fc.oneof(
      arbTrainingGraph({ maxLayers }).map((raw) => indexGraph(raw)),
      arbChainGraph(maxLayers + 2),
    ),
    // Integers, not doubles: fast-check's doubles cluster at the ends of the range.
    fc.integer({ min: chainsOnly ? 400 : -100, max: 1050 }).map((x) => x / 1000),
  ).map(([g, f]) => {
    const a = analyseBudget(g);
    const peak = measureEvents(a, runEvents(programOrder(g))).peakLive;
    return { g, budget: Math.max(0, Math.floor(a.bound + f * (peak - a.bound))) };
  });

/** Tiny graphs whose stage-form plans the oracle enumerates (at most 2^12). */
export const tinyGraphs = () =>
  fc.oneof(arbTrainingGraph({ maxLayers: 1 }).map((raw) => indexGraph(raw)), arbChainGraph(2))
    .filter((g) => {
      const slots = oracleSlots(g);
      return slots >= 1 && slots <= 12;
    });

/** A tiny graph, its oracle plans, and budgets drawn among the valid plans' peaks. */
export const tinyGraphAndBudgets = () =>
  fc.tuple(
    tinyGraphs(),
    fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 3 }),
  ).map(([g, picks]) => {
    const plans = oraclePlans(g);
    const peaks = [...new Set(plans.filter((p) => p.valid).map((p) => p.peak))].sort((x, y) =>
      x - y
    );
    // The loosest budget always, so a sweep starts where nothing needs recompute.
    const budgets = [peaks[peaks.length - 1], ...picks.map((k) => peaks[k % peaks.length])];
    return { g, plans, budgets };
  });

/** Verified plans that recompute or offload, per planner: the properties must exercise the judge. */
const exercised: Record<string, number> = {};

for (const [name, entry] of Object.entries(BUDGET_PLANNER_TABLE)) {
  const exact = entry.exact;
  propertyTest(
    `P8 ${name}: a plan at any budget verifies within it`,
    { runs: exact ? 15 : 30 },
    () =>
      fc.asyncProperty(graphAndBudget(exact ? 2 : 4, exact), async ({ g, budget }) => {
        const did = await checkPlanWithinBudget(g, budget, entry.planner, replayBudgetPlan, {
          placer: exact ? "search" : "greedy-size",
        });
        if (did) exercised[name] = (exercised[name] ?? 0) + 1;
      }),
  );
}

Deno.test("P8 every budget planner was exercised on plans that recompute or offload", () => {
  for (const name of budgetPlannerNames()) {
    assert.ok((exercised[name] ?? 0) > 0, `${name} never planned a recompute or offload`);
  }
});

for (const name of budgetPlannerNames({ exact: true })) {
  const planner = BUDGET_PLANNER_TABLE[name].planner;
  propertyTest(
    `P8 ${name}: its optimum equals the brute-force oracle's`,
    { runs: 6 },
    () =>
      fc.asyncProperty(tinyGraphAndBudgets(), async ({ g, plans, budgets }) => {
        await checkExactMatchesOracle(g, plans, budgets, planner, replayBudgetPlan);
      }),
  );
  propertyTest(
    `P8 ${name}: tightening the budget never lowers its cost`,
    { runs: 6 },
    () =>
      fc.asyncProperty(tinyGraphAndBudgets(), async ({ g, budgets }) => {
        await checkTighteningMonotone(g, budgets, planner);
      }),
  );
}

propertyTest(
  "P8 the judge agrees with the oracle on every enumerated plan",
  { runs: 10 },
  () =>
    fc.property(tinyGraphs(), (g) => {
      checkJudgeAgreesWithOracle(g, oraclePlans(g), replayBudgetPlan);
    }),
);

/** A valid plan that recomputes or offloads, from a heuristic at a tight budget. */
export async function tightPlan(g: IndexedGraph, planner: string): Promise<ValidPlan | undefined> {
  const a = analyseBudget(g);
  const peak = measureEvents(a, runEvents(programOrder(g))).peakLive;
  for (const f of [0.9, 0.75, 0.6]) {
    const r = await planUnderBudget(g, {
      budget: Math.floor(a.bound + f * (peak - a.bound)),
      planner,
      placer: "greedy-size",
    });
    if (r.status === "planned" && recomputesOrOffloads(r.events!)) {
      return { events: r.events!, offsets: r.offsets! };
    }
  }
  return undefined;
}

const planted: Record<string, number> = {};

propertyTest("P8 planted faults in recompute and offload plans are caught precisely", {
  runs: 30,
}, () =>
  fc.asyncProperty(
    arbTrainingGraph({ minLayers: 2, maxLayers: 4 }),
    fc.constantFrom(...budgetPlannerNames({ cost: "heuristic" })),
    async (raw, planner) => {
      const g = indexGraph(raw);
      const plan = await tightPlan(g, planner);
      fc.pre(plan !== undefined);
      for (const name of checkFaultsCaught(g, plan!, replayBudgetPlan)) {
        planted[name] = (planted[name] ?? 0) + 1;
      }
    },
  ));

Deno.test("P8 every planted fault was planted at least once", () => {
  for (const name of Object.keys(PLANTERS)) {
    assert.ok((planted[name] ?? 0) > 0, `fault ${JSON.stringify(name)} was never planted`);
  }
});
