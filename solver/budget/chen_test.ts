import assert from "node:assert/strict";
import { trainingChain } from "../../graph/budget/training_chain.ts";
import { analyseBudget } from "./analysis.ts";
import { chenPlan } from "./chen.ts";
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
