/**
 * The program order as a scheduler: the baseline every reduction is quoted against.
 *
 * @module
 */
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { lifetimes, programOrder } from "../../graph/lifetimes.ts";
import { peakLive } from "../../graph/metrics.ts";
import type { ScheduleOptions, Scheduler, ScheduleResult } from "../types.ts";
import { orderLowerBound } from "../../graph/bounds/order_bound.ts";

/**
 * Schedules ops in the order of the file. `optimal` only when its peak live
 * meets the lower bound of {@linkcode orderLowerBound}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const r = scheduleProgram(g);
 * assert.deepEqual(r.order, Int32Array.from([0, 1, 2, 3]));
 * ```
 */
export function scheduleProgram(g: IndexedGraph, _options: ScheduleOptions = {}): ScheduleResult {
  const t0 = performance.now();
  const order = programOrder(g);
  const peak = peakLive(g, lifetimes(g, order)).bytes;
  const bound = orderLowerBound(g, { orders: [programOrder(g)] }).bytes;
  return {
    order,
    peakLive: peak,
    status: peak === bound ? "optimal" : "feasible",
    seconds: (performance.now() - t0) / 1000,
    bound,
  };
}

/**
 * The `program` scheduler.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const { order } = await programScheduler.schedule(g);
 * assert.deepEqual(order, Int32Array.from([0, 1, 2, 3]));
 * ```
 */
export const programScheduler: Scheduler = {
  name: "program",
  description: "the program order of the graph file (the baseline)",
  schedule: (g, options) => Promise.resolve(scheduleProgram(g, options)),
};
