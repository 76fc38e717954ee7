import assert from "node:assert/strict";
import { runEvents } from "../../graph/budget/events.ts";
import { trainingChain } from "../../graph/budget/training_chain.ts";
import { programOrder } from "../../graph/lifetimes.ts";
import { analyseBudget } from "./analysis.ts";
import { measureEvents } from "./measure.ts";
import { planUnderBudget } from "./plan_budget.ts";
import { placeResidencies } from "./place_residencies.ts";
import type { BudgetPlanner } from "./types.ts";

Deno.test("planUnderBudget: after an overshoot the target leaves room for the fragmentation", async () => {
  const g = trainingChain(6, [70, 20, 130, 50, 90]);
  const events = runEvents(programOrder(g));
  const peak = measureEvents(analyseBudget(g), events).peakLive;
  // A planner already under any target it is given returns the same events.
  const stub: BudgetPlanner = {
    name: "stub",
    description: "the program order, whatever the target",
    plan: () =>
      Promise.resolve({ events, peakLive: peak, cost: 0, status: "feasible", seconds: 0 }),
  };
  const budget = peak + 9; // peak 529; greedy-size places it in 548
  const first = await placeResidencies(g, events, { placer: "greedy-size", capacity: budget });
  assert.ok(first.arena > budget, `${first.arena} over ${budget}`);
  const r = await planUnderBudget(g, { budget, planner: stub, placer: "greedy-size" });
  // Lowering the target by the overshoot alone would ask for what the planner has.
  assert.equal(r.targets[1], budget - (first.arena - peak));
});

Deno.test("planUnderBudget: a recompute-only planner is held to the recompute-only bound", async () => {
  const g = trainingChain(4);
  const a = analyseBudget(g); // bound 29 (b4's operands); 38 without recomputing x or the loss
  assert.deepEqual([a.bound, a.recomputeBound], [29, 38]);
  const greedy = await planUnderBudget(g, { budget: 30, planner: "greedy" });
  assert.deepEqual([greedy.status, greedy.boundKind, greedy.bound], [
    "impossible",
    "recompute",
    38,
  ]);
  const offload = await planUnderBudget(g, { budget: 30, planner: "greedy-offload" });
  assert.notEqual(offload.status, "impossible");
  const below = await planUnderBudget(g, { budget: 28, planner: "greedy" });
  assert.deepEqual([below.status, below.boundKind], ["impossible", "footprint"]);
});

Deno.test("planUnderBudget: one deadline for every attempt; none begun past it", async () => {
  const g = trainingChain(6, [70, 20, 130, 50, 90]);
  const events = runEvents(programOrder(g));
  const peak = measureEvents(analyseBudget(g), events).peakLive;
  const limits: number[] = [];
  // Takes all the time it is given, and returns what never fits under the budget.
  const slow: BudgetPlanner = {
    name: "slow",
    description: "spends its limit",
    plan: async (_g, o) => {
      limits.push(o.timeLimit!);
      await new Promise((done) => setTimeout(done, o.timeLimit! * 1000));
      return { events, peakLive: peak, cost: 0, status: "feasible", seconds: o.timeLimit! };
    },
  };
  const r = await planUnderBudget(g, {
    budget: peak + 9,
    planner: slow,
    placer: "greedy-size",
    timeLimit: 0.5,
  });
  // The first planner gets 60% of the limit (less, if reaching it took longer);
  // a later attempt at most what was left then.
  assert.ok(limits[0] <= 0.3, `${limits}`);
  assert.ok(limits.slice(1).every((t) => t <= 0.2), `${limits}`);
  assert.equal(r.targets.length, limits.length);
});
