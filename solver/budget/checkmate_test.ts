import assert from "node:assert/strict";
import { trainingChain } from "../../graph/budget/training_chain.ts";
import { programOrder } from "../../graph/lifetimes.ts";
import { evaluate } from "../highs/model.ts";
import { analyseBudget } from "./analysis.ts";
import { chenPlan } from "./chen.ts";
import { planCheckmate } from "./checkmate.ts";
import { buildCheckmateModel, checkmatePoint } from "./checkmate_model.ts";
import { measureEvents } from "./measure.ts";
import { bruteForceCost, bruteForcePlans } from "./_brute_force_test_util.ts";
import { residualBlock } from "./_residual_test_util.ts";
import { indexGraph } from "../../graph/indexed_graph.ts";
import { randomTrainingGraph } from "../../testkit/training_graph.ts";

Deno.test("the MILP's optimum equals brute force over stage-form plans, at every budget", async () => {
  for (const g of [trainingChain(2, 8, [3, 5, 1, 2, 2, 0, 0]), residualBlock()]) {
    const a = analyseBudget(g);
    const peaks = new Set<number>();
    const full = measureEvents(a, chenPlan(a, 1).events).peakLive;
    for (let b = a.bound; b <= full; b++) peaks.add(b);
    const plans = bruteForcePlans(g);
    assert.ok(plans.some((p) => p.cost > 0));
    for (const budget of peaks) {
      const expected = bruteForceCost(plans, budget);
      const r = await planCheckmate(g, {
        budget,
        timeLimit: Infinity,
        analysis: a,
        order: programOrder(g),
      });
      if (expected === Infinity) {
        assert.equal(r.status, "infeasible", `${g.name} at ${budget}`);
        continue;
      }
      assert.equal(r.status, "optimal", `${g.name} at ${budget}`);
      assert.equal(r.cost, expected, `${g.name} at ${budget}`);
      assert.ok(r.peakLive! <= budget);
    }
  }
});

Deno.test("tightening the budget never lowers the optimal cost", async () => {
  const g = trainingChain(4, 16, [1, 2, 3, 4, 0, 2, 2, 2, 2, 0, 0, 0, 0]);
  const a = analyseBudget(g);
  const full = measureEvents(a, chenPlan(a, 1).events).peakLive;
  let previous = -1;
  for (let budget = full; budget >= a.bound; budget -= 16) {
    const r = await planCheckmate(g, {
      budget,
      timeLimit: Infinity,
      analysis: a,
      order: programOrder(g),
    });
    if (r.status === "infeasible") break;
    assert.equal(r.status, "optimal");
    assert.ok(r.cost! >= previous, `cost ${r.cost} at ${budget} < ${previous}`);
    previous = r.cost!;
  }
  assert.ok(previous > 0, "the sweep reached budgets that need recompute");
});

Deno.test("a plan in stage form is a feasible point of the model with its own cost", () => {
  const g = trainingChain(5, 16);
  const a = analyseBudget(g);
  const plan = chenPlan(a, 2);
  const cm = buildCheckmateModel(a, programOrder(g), { budget: plan.peakLive })!;
  const x = checkmatePoint(a, cm, plan.events)!;
  const ev = evaluate(cm.model, x);
  assert.equal(ev.feasible, true, `worst violation ${ev.worstViolation}`);
  assert.equal(ev.objective, plan.cost);
  const tight = buildCheckmateModel(a, programOrder(g), { budget: plan.peakLive - 1 })!;
  assert.equal(evaluate(tight.model, checkmatePoint(a, tight, plan.events)!).feasible, false);
});

Deno.test("the compact model (tensors nothing re-makes as constants) keeps stage-form plans exact", () => {
  const g = trainingChain(5, 16);
  const a = analyseBudget(g);
  for (const segment of [1, 2, 3]) {
    const plan = chenPlan(a, segment);
    const cm = buildCheckmateModel(a, programOrder(g), {
      budget: plan.peakLive,
      fixedNonRecreatable: true,
    })!;
    const ev = evaluate(cm.model, checkmatePoint(a, cm, plan.events)!);
    assert.equal(ev.feasible, true, `segment ${segment}: worst violation ${ev.worstViolation}`);
    assert.equal(ev.objective, plan.cost);
    const tight = buildCheckmateModel(a, programOrder(g), {
      budget: plan.peakLive - 1,
      fixedNonRecreatable: true,
    })!;
    assert.equal(evaluate(tight.model, checkmatePoint(a, tight, plan.events)!).feasible, false);
  }
});

Deno.test("buildCheckmateModel: its count before building never refuses a model within maxColumns", () => {
  // One over the limit is refused either way (by the count, or once built).
  const graphs = [
    trainingChain(5, 16),
    residualBlock(),
    ...[1, 2, 3].map((seed) => indexGraph(randomTrainingGraph({ tensors: 60, seed }))),
  ];
  let checked = 0;
  for (const g of graphs) {
    const a = analyseBudget(g);
    const order = programOrder(g);
    const allowed = Uint8Array.from({ length: g.opCount }, (_, v) => v % 3 === 0 ? 0 : 1);
    for (const first of [0, Math.floor(order.length / 2)]) {
      for (const extra of [{}, { allowed }, { fixedNonRecreatable: true }]) {
        const options = { budget: 1e12, firstRecomputeStage: first, ...extra };
        const full = buildCheckmateModel(a, order, options)!;
        // maxColumns bounds the R and S columns, the model's decisions.
        const cols = full.model.colNames.filter((c) => /^[RS]_/.test(c)).length;
        assert.ok(buildCheckmateModel(a, order, { ...options, maxColumns: cols }));
        assert.equal(
          buildCheckmateModel(a, order, { ...options, maxColumns: cols - 1 }),
          undefined,
        );
        checked++;
      }
    }
  }
  assert.equal(checked, 30);
});

Deno.test("checkmate past its deadline builds no model and returns its best start, saying so", async () => {
  const g = trainingChain(5, 16);
  const a = analyseBudget(g);
  const budget = chenPlan(a, 2).peakLive;
  assert.equal(buildCheckmateModel(a, programOrder(g), { budget, deadline: 0 }), undefined);
  assert.ok(buildCheckmateModel(a, programOrder(g), { budget, deadline: Infinity }));
  // No time: the starts reached are running once and Chen's first length.
  const roomy = chenPlan(a, 1).peakLive;
  const r = await planCheckmate(g, { budget: roomy, timeLimit: 0, analysis: a });
  assert.equal(r.details?.modelBuilt, "not within the time limit");
  assert.equal(r.status, "feasible");
  assert.ok(r.peakLive! <= roomy);
  const tight = await planCheckmate(g, { budget, timeLimit: 0, analysis: a });
  assert.equal(tight.status, "timeout");
});
