import assert from "node:assert/strict";
import { buildBudgetPlan } from "../../graph/budget/budget_plan.ts";
import { runEvents } from "../../graph/budget/events.ts";
import { trainingChain } from "../../graph/budget/training_chain.ts";
import { programOrder } from "../../graph/lifetimes.ts";
import { loadGraph } from "../../graph/load.ts";
import { scheduleGreedy } from "../schedulers/greedy.ts";
import { analyseBudget } from "./analysis.ts";
import { chenPlan } from "./chen.ts";
import { greedyDrops } from "./greedy.ts";
import { measureEvents } from "./measure.ts";
import { planMoccasin } from "./moccasin.ts";
import { bruteForceCost, bruteForcePlans } from "./_brute_force_test_util.ts";
import { residualBlock } from "./_residual_test_util.ts";
import { replayPlan } from "./_replay_test_util.ts";

Deno.test("the MILP alone (no warm start) equals brute force wherever it proves optimal", async () => {
  let proved = 0;
  for (const g of [trainingChain(2, 8, [3, 5, 1, 2, 2, 0, 0]), residualBlock()]) {
    const a = analyseBudget(g);
    const full = measureEvents(a, runEvents(programOrder(g))).peakLive;
    const plans = bruteForcePlans(g);
    // The budgets where brute force's answer can change: the plans' peaks, and just below the least.
    const peaks = new Set(plans.map((p) => p.peak).filter((p) => p >= a.bound && p <= full));
    const least = Math.min(...peaks);
    if (least > a.bound) peaks.add(least - 1);
    for (const budget of peaks) {
      const expected = bruteForceCost(plans, budget);
      const r = await planMoccasin(g, {
        budget,
        timeLimit: Infinity,
        analysis: a,
        order: programOrder(g),
        intervals: g.opCount, // as many re-runs as stages: every stage-form plan is in the model
        warmStart: false,
      });
      if (expected === Infinity) {
        assert.ok(!r.events, `${g.name} at ${budget}: no plan exists, yet one was returned`);
        continue;
      }
      if (r.status !== "optimal") continue;
      proved++;
      assert.equal(r.cost, expected, `${g.name} at ${budget}`);
      assert.ok(r.peakLive! <= budget);
    }
  }
  assert.ok(proved > 0, "never proved an optimum");
});

Deno.test("plans replay valid within the budget, never cost more than the warm start, and cost more as the budget tightens", async () => {
  const g = trainingChain(5, 16, [1, 2, 3, 4, 5, 0, 2, 2, 2, 2, 2, 0, 0, 0, 0, 0]);
  const a = analyseBudget(g);
  const order = programOrder(g);
  const full = measureEvents(a, runEvents(order)).peakLive;
  let previous = -1, recomputed = 0;
  for (let budget = full; budget >= a.bound; budget -= 8) {
    const r = await planMoccasin(g, { budget, timeLimit: 30, analysis: a, order });
    // The warm start's own candidates, measured here independently.
    let start = Infinity;
    for (let k = 1; k <= 6; k++) {
      const c = chenPlan(a, k);
      if (c.peakLive <= budget) start = Math.min(start, c.cost);
    }
    const gr = greedyDrops(a, order, budget);
    if (gr.fits) start = Math.min(start, gr.cost);
    if (!r.events) {
      assert.equal(start, Infinity, `none returned at ${budget} though a start fits`);
      continue;
    }
    assert.ok(r.cost! <= start, `cost ${r.cost} above the start ${start} at ${budget}`);
    const report = replayPlan(g, buildBudgetPlan(g, { events: r.events }));
    assert.deepEqual(report.violations.filter((v) => v.kind !== "overlap"), []);
    assert.ok(report.peakLive <= budget, `peak ${report.peakLive} over ${budget}`);
    assert.equal(report.recomputedCost, r.cost);
    if (r.costBound !== undefined) assert.ok(r.costBound <= r.cost! + 1e-9);
    if (r.status === "optimal") {
      assert.ok(r.cost! >= previous, `cost ${r.cost} at ${budget} below ${previous}`);
      previous = r.cost!;
    }
    if (r.cost! > 0) recomputed++;
  }
  assert.ok(recomputed > 0, "the sweep reached budgets that need recompute");
});

Deno.test("a byte under AlexNet's peak: the model proves no plan, as the replay agrees (binaries times MiB sizes are not rounded into the budget)", async () => {
  const g = await loadGraph(
    new URL("../../testdata/graphs/alexnet.b32.sgd.json.gz", import.meta.url).pathname,
  );
  const a = analyseBudget(g);
  // The order moccasin picks: the lower-peaked of program and greedy order.
  const peakOf = (o: Int32Array) => measureEvents(a, runEvents(o)).peakLive;
  const peak = Math.min(peakOf(programOrder(g)), peakOf(scheduleGreedy(g).order));
  const r = await planMoccasin(g, { budget: peak - 1, timeLimit: Infinity, analysis: a });
  assert.equal(r.details?.stopped, undefined, String(r.details?.stopped));
  if (r.events) assert.ok(measureEvents(a, r.events).peakLive <= peak - 1);
  else assert.equal(r.status, "infeasible");
});

Deno.test("the restricted model never claims optimal or infeasible for the graph", async () => {
  const g = trainingChain(6, 64);
  const a = analyseBudget(g);
  const peak = measureEvents(a, runEvents(programOrder(g))).peakLive;
  const seen = new Set<string>();
  for (
    let budget = a.bound;
    budget < peak;
    budget += Math.max(1, Math.floor((peak - a.bound) / 12))
  ) {
    const r = await planMoccasin(g, { budget, timeLimit: Infinity, analysis: a, restrictAbove: 0 });
    seen.add(r.status);
    assert.ok(r.status === "feasible" || r.status === "timeout", `${budget}: ${r.status}`);
    if (r.events) assert.ok(measureEvents(a, r.events).peakLive <= budget);
  }
  assert.ok(seen.size > 0);
});
