/**
 * A planner's own quick measure of events: peak live and recomputed cost,
 * from graph/'s residency rule (the replay measures them again, independently).
 *
 * @module
 */
import { EVENT, type Events, residencies, residentBytes } from "../../graph/budget/events.ts";
import type { BudgetAnalysis } from "./analysis.ts";

/** Peak live, its event, the live bytes per event and the recomputed cost of events. */
export interface EventsMeasure {
  peakLive: number;
  peakEvent: number;
  live: Float64Array;
  cost: number;
}

/**
 * Measures events.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { programOrder } from "../../graph/lifetimes.ts";
 * import { analyseBudget } from "./analysis.ts";
 * import { runEvents } from "../../graph/budget/events.ts";
 * const g = trainingChain(4);
 * const a = analyseBudget(g);
 * const m = measureEvents(a, runEvents(programOrder(g)));
 * assert.deepEqual([m.peakLive, m.cost], [54, 0]);
 * ```
 */
export function measureEvents(a: BudgetAnalysis, events: Events): EventsMeasure {
  const m = events.kind.length;
  const live = residentBytes(a.g, residencies(a.g, events), m);
  let peakLive = 0, peakEvent = 0;
  for (let e = 0; e < m; e++) {
    if (live[e] > peakLive) {
      peakLive = live[e];
      peakEvent = e;
    }
  }
  const seen = new Uint8Array(a.g.opCount);
  let cost = 0;
  for (let e = 0; e < m; e++) {
    if (events.kind[e] !== EVENT.run) continue;
    const v = events.target[e];
    if (seen[v]) cost += a.costs.cost[v];
    seen[v] = 1;
  }
  return { peakLive, peakEvent, live, cost };
}
