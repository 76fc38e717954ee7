/**
 * The plans the MILP budget planners start from (and fall back on): running
 * every op once, Chen's checkpointing at a sweep of segment lengths (of the
 * program order only), and the greedy drops when they fit.
 *
 * @module
 */
import { type Events, runEvents } from "../../graph/budget/events.ts";
import type { BudgetAnalysis } from "./analysis.ts";
import { baseOrder } from "./base_order.ts";
import { chenPlan } from "./chen.ts";
import { greedyDrops } from "./greedy.ts";

/** A start and where it came from. */
export interface Start {
  from: "none" | "chen" | "greedy";
  events: Events;
}

/**
 * The starts on `order` within reach of `budget`, in the order above. Past
 * `deadline` (`performance.now()`, default none) no further segment length
 * is tried and the greedy drops stop where they are: each costs a
 * rematerialisation of the whole step (0.1–0.2 s at 20,000 tensors), and
 * the sweep and the drops took 2–3 s under a 1.2 s limit there.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { programOrder } from "../../graph/lifetimes.ts";
 * import { analyseBudget } from "./analysis.ts";
 * const g = trainingChain(4);
 * const starts = budgetStarts(analyseBudget(g), programOrder(g), 40);
 * assert.deepEqual([...new Set(starts.map((s) => s.from))], ["none", "chen", "greedy"]);
 * // No time: running every op once, and Chen's first length.
 * assert.equal(budgetStarts(analyseBudget(g), programOrder(g), 40, 0).length, 2);
 * ```
 */
export function budgetStarts(
  a: BudgetAnalysis,
  order: Int32Array,
  budget: number,
  deadline = Infinity,
): Start[] {
  const starts: Start[] = [{ from: "none", events: runEvents(order) }];
  const isProgram = order.every((v, i) => v === i);
  const forward = baseOrder(a, order).backwardStart;
  for (let k = 1; isProgram && k <= forward + 1; k = k < 8 ? k + 1 : Math.ceil(k * 1.5)) {
    starts.push({ from: "chen", events: chenPlan(a, k).events });
    if (performance.now() > deadline) return starts;
  }
  const greedy = greedyDrops(a, order, budget, { deadline });
  if (greedy.fits) starts.push({ from: "greedy", events: greedy.events });
  return starts;
}
