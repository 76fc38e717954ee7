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
import { indexGraph } from "../graph/indexed_graph.ts";
import { replayBudgetPlan } from "../simulator/budget/replay.ts";
import { BUDGET_PLANNER_TABLE, budgetPlannerNames } from "../solver/budget/registry.ts";
import { oraclePlans } from "./_budget_oracle.ts";
import { PLANTERS } from "./_budget_faults.ts";
import {
  graphAndBudget,
  tightPlan,
  tinyDagsAndPlans,
  tinyGraphAndBudgets,
  tinyGraphs,
} from "./_budget_arbs.ts";
import {
  checkExactMatchesOracle,
  checkFaultsCaught,
  checkJudgeAgreesWithOracle,
  checkPlanWithinBudget,
  checkRecomputeBoundBelowPlans,
  checkTighteningMonotone,
} from "./_budget_properties.ts";
import { propertyTest } from "./_property.ts";
import { arbTrainingGraph } from "./arb_training_graph.ts";

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

let keptMattered = 0;

propertyTest(
  "P8 no valid recompute plan of any order peaks below the recompute-only bound",
  { runs: 60 },
  () =>
    fc.property(tinyDagsAndPlans(), ({ g, plans }) => {
      if (checkRecomputeBoundBelowPlans(g, plans)) keptMattered++;
    }),
);

Deno.test("P8 the recompute-only bound was above the footprint bound on some graph", () => {
  assert.ok(keptMattered > 0, "kept tensors never raised the bound: the property was vacuous");
});

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
