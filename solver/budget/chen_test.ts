import assert from "node:assert/strict";
import { trainingChain } from "../../graph/budget/training_chain.ts";
import { analyseBudget } from "./analysis.ts";
import { chenPlan, planChen } from "./chen.ts";
import { residencies } from "../../graph/budget/events.ts";
import { loadGraph } from "../../graph/load.ts";
import { replayBudgetPlan } from "../../simulator/budget/replay.ts";
import { planUnderBudget } from "./plan_budget.ts";
import { replayPlan } from "./_replay_test_util.ts";

// A deep MLP: forward ops cost 1, backward ops 2, updates and loss ~0.
function deepChain(n: number) {
  const costs = [...Array(n).fill(1), 0, ...Array(n).fill(2), ...Array(n).fill(0)];
  return trainingChain(n, 1024, costs);
}

Deno.test("√n checkpointing costs about one extra forward pass and saves memory", () => {
  const g = deepChain(64);
  const a = analyseBudget(g);
  const plan = chenPlan(a);
  assert.equal(plan.segment, 9); // ⌈√65⌉ forward ops (64 layers and the loss)
  const forward = 64;
  // Every forward op but the segment ends runs again, and nothing else.
  assert.ok(plan.cost >= 0.8 * forward && plan.cost <= forward, `cost ${plan.cost}`);
  const none = chenPlan(a, 1);
  assert.equal(none.cost, 0);
  assert.ok(plan.peakLive < none.peakLive / 3, `${plan.peakLive} vs ${none.peakLive}`);
});

Deno.test("chen under a budget: the cheapest swept plan within it, verified", async () => {
  const g = deepChain(16);
  const full = chenPlan(analyseBudget(g), 1).peakLive;
  const r = await planUnderBudget(g, { budget: Math.floor(full * 0.6), planner: "chen" });
  assert.equal(r.status, "planned");
  const report = replayPlan(g, r.plan!);
  assert.deepEqual(report.violations, []);
  assert.ok(report.arena <= Math.floor(full * 0.6));
  assert.ok(report.recomputedCost > 0);
});

Deno.test("chen reaches budgets uniform segments of the program order missed (GPT, VGG at 90%)", async () => {
  // GPT: a re-run in the backward pass reads forward tensors the backward never
  // reads (gelu outputs); they must be dropped too, or they stay resident.
  // VGG: the program order's forward pass alone is over 90% of the best order's peak.
  for (
    const [name, budget] of [["gpt_decoder.b8.s128.adam", 1361552764], [
      "vgg11.b32.sgd",
      1910340845,
    ]] as const
  ) {
    const g = await loadGraph(`testdata/graphs/${name}.json.gz`);
    const r = await planChen(g, { budget });
    assert.equal(r.status, "feasible", name);
    const judged = replayBudgetPlan(g, r.events!, residencies(g, r.events!));
    assert.deepEqual(judged.violations.filter((v) => v.kind !== "overlap"), [], name);
    assert.ok(judged.peakLive <= budget, name);
  }
});

Deno.test("chen at its time limit: the plans swept so far, and says the sweep stopped", async () => {
  const g = deepChain(16);
  const a = analyseBudget(g);
  const full = chenPlan(a, 1).peakLive;
  // No time at all: the first length (nothing dropped) only, whatever the machine.
  const roomy = await planChen(g, { budget: full, timeLimit: 0, analysis: a });
  assert.equal(roomy.status, "feasible");
  assert.equal(roomy.cost, 0);
  assert.equal(roomy.details?.sweep, "stopped at the time limit");
  const tight = await planChen(g, { budget: Math.floor(full * 0.6), timeLimit: 0, analysis: a });
  assert.equal(tight.status, "timeout");
  const swept = await planChen(g, { budget: Math.floor(full * 0.6), analysis: a });
  assert.equal(swept.status, "feasible");
  assert.equal(swept.details?.sweep, undefined);
});
