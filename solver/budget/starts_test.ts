import assert from "node:assert/strict";
import { runEvents } from "../../graph/budget/events.ts";
import { trainingChain } from "../../graph/budget/training_chain.ts";
import { programOrder } from "../../graph/lifetimes.ts";
import { analyseBudget } from "./analysis.ts";
import { chenPlan } from "./chen.ts";
import { greedyDrops } from "./greedy.ts";
import { budgetStarts } from "./starts.ts";

Deno.test("budgetStarts: running once, Chen's lengths 1-8 then x1.5, the greedy when it fits; fewer past the deadline", () => {
  const g = trainingChain(12, 64);
  const a = analyseBudget(g), order = programOrder(g);
  const budget = Math.floor(0.7 * chenPlan(a, 1).peakLive);
  const starts = budgetStarts(a, order, budget);
  const chen = starts.filter((s) => s.from === "chen");
  assert.deepEqual(starts[0], { from: "none", events: runEvents(order) });
  assert.deepEqual(
    chen.map((s) => s.events),
    [1, 2, 3, 4, 5, 6, 7, 8, 12].map((k) => chenPlan(a, k).events),
  );
  assert.equal(starts.at(-1)!.from, "greedy");
  assert.deepEqual(starts.at(-1)!.events, greedyDrops(a, order, budget).events);
  // Past the deadline: no length after the first, no greedy.
  assert.deepEqual(budgetStarts(a, order, budget, 0).map((s) => s.from), ["none", "chen"]);
});
