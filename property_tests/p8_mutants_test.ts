/**
 * Every check of property 8 can fail: run against a deliberately broken
 * planner or judge (_budget_mutants.ts), each check is falsified, on the
 * suite's fixed seed. A check no mutant can fail would pass with a broken engine.
 */
import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { indexGraph } from "../graph/indexed_graph.ts";
import { replayBudgetPlan } from "../simulator/budget/replay.ts";
import { BUDGET_PLANNER_TABLE } from "../solver/budget/registry.ts";
import type { BudgetPlanner } from "../solver/budget/types.ts";
import { oraclePlans } from "./_budget_oracle.ts";
import {
  checkExactMatchesOracle,
  checkFaultsCaught,
  checkJudgeAgreesWithOracle,
  checkPlanWithinBudget,
  checkRecomputeBoundBelowPlans,
  checkTighteningMonotone,
  type Judge,
} from "./_budget_properties.ts";
import {
  BROKEN_JUDGES,
  costOffByOne,
  dropsNeededTensor,
  ignoresBudget,
  notMonotone,
  suboptimal,
} from "./_budget_mutants.ts";
import { RUN_CONFIG } from "./_config.ts";
import { arbTrainingGraph } from "./arb_training_graph.ts";
import {
  graphAndBudget,
  tightPlan,
  tinyDagsAndPlans,
  tinyGraphAndBudgets,
  tinyGraphs,
} from "./_budget_arbs.ts";
import { cutPerOp } from "../graph/bounds/cut.ts";
import { remakeableTensors } from "../graph/budget/recompute_bound.ts";
import type { IndexedGraph } from "../graph/indexed_graph.ts";

async function falsified(property: fc.IAsyncProperty<never> | fc.IProperty<never>, runs: number) {
  const r = await fc.check(property as fc.IAsyncProperty<never>, {
    seed: RUN_CONFIG.seed,
    numRuns: runs,
    endOnFailure: true, // a counterexample is all this needs: no shrinking
  });
  return r.failed;
}

const greedy = BUDGET_PLANNER_TABLE.greedy.planner;
const checkmate = BUDGET_PLANNER_TABLE.checkmate.planner;

const withinBudget = (planner: BudgetPlanner) =>
  fc.asyncProperty(graphAndBudget(3), async ({ g, budget }) => {
    await checkPlanWithinBudget(g, budget, planner, replayBudgetPlan);
  });

for (
  const mutant of [dropsNeededTensor(greedy), ignoresBudget(greedy), costOffByOne(greedy)]
) {
  Deno.test(`P8 mutant caught: a planner that ${mutant.description} fails "plan verifies within budget"`, async () => {
    assert.ok(await falsified(withinBudget(mutant) as never, 30), mutant.name);
  });
}

for (const mutant of [costOffByOne(checkmate), suboptimal(checkmate)]) {
  Deno.test(`P8 mutant caught: a MILP that ${mutant.description} fails "equals the oracle"`, async () => {
    const property = fc.asyncProperty(tinyGraphAndBudgets(), async ({ g, plans, budgets }) => {
      await checkExactMatchesOracle(g, plans, budgets, mutant, replayBudgetPlan);
    });
    assert.ok(await falsified(property as never, 10), mutant.name);
  });
}

Deno.test('P8 mutant caught: a MILP that reports its big-M where nothing needs recomputing fails "tightening never lowers"', async () => {
  const mutant = notMonotone(checkmate);
  const property = fc.asyncProperty(tinyGraphAndBudgets(), async ({ g, budgets }) => {
    await checkTighteningMonotone(g, budgets, mutant);
  });
  assert.ok(await falsified(property as never, 30));
});

const agreement = (judge: Judge) =>
  fc.property(tinyGraphs(), (g) => checkJudgeAgreesWithOracle(g, oraclePlans(g), judge));

const faults = (judge: Judge) =>
  fc.asyncProperty(
    arbTrainingGraph({ minLayers: 2, maxLayers: 4 }),
    fc.constantFrom("greedy", "greedy-offload"),
    async (raw, planner) => {
      const g = indexGraph(raw);
      const plan = await tightPlan(g, planner);
      fc.pre(plan !== undefined);
      checkFaultsCaught(g, plan!, judge);
    },
  );

for (const [bug, judge] of Object.entries(BROKEN_JUDGES)) {
  Deno.test(`P8 mutant caught: a judge that ${bug}`, async () => {
    const caught = await falsified(faults(judge) as never, 20) ||
      await falsified(agreement(judge) as never, 10);
    assert.ok(caught, `no P8 check fails with a judge that ${bug}`);
  });
}

// Unsound recompute-only bounds: the property must catch each.
const BROKEN_BOUNDS: [string, (g: IndexedGraph) => number][] = [
  // as if no re-run could ever make a tensor again (the bound without recompute)
  ["never lets a re-run make a tensor again", (g) => Math.max(0, ...cutPerOp(g))],
  // as if every re-makeable tensor were sealed at its own producer
  ["seals every tensor at its producer", (g) => {
    const V = g.opCount;
    const sealers = {
      start: Int32Array.from({ length: V + 1 }, (_, i) => i),
      list: Int32Array.from({ length: V }, (_, i) => i),
    };
    return Math.max(0, ...cutPerOp(g, { remade: remakeableTensors(g), sealers }));
  }],
];

for (const [what, boundOf] of BROKEN_BOUNDS) {
  Deno.test(`P8 mutant caught: a recompute-only bound that ${what} fails "below every plan"`, async () => {
    const property = fc.property(tinyDagsAndPlans(), ({ g, plans }) => {
      checkRecomputeBoundBelowPlans(g, plans, boundOf);
    });
    assert.ok(await falsified(property as never, 60), what);
  });
}
