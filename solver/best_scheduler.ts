/**
 * The `best` scheduler: greedy scheduling, then OLLA's lifetime ILP from the
 * greedy order while time remains.
 *
 * @module
 */
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import { scheduleIlp } from "./ilp/schedule_ilp.ts";
import { scheduleGreedy } from "./schedulers/greedy.ts";
import type { ScheduleOptions, Scheduler, ScheduleResult } from "./types.ts";

/**
 * Greedy scheduling, then the lifetime ILP from the greedy order for the rest
 * of `timeLimit` (default 30 s) unless greedy already met the lower bound.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const r = await scheduleBest(g, { timeLimit: 60 });
 * assert.equal(r.details?.stage, "greedy"); // program order already meets the bound
 * ```
 */
export async function scheduleBest(
  g: IndexedGraph,
  options: ScheduleOptions = {},
): Promise<ScheduleResult> {
  const t0 = performance.now();
  const timeLimit = options.timeLimit ?? 30;
  const greedy = scheduleGreedy(g, options);
  const left = timeLimit - (performance.now() - t0) / 1000;
  if (greedy.status === "optimal" || left <= 0.5) {
    return {
      ...greedy,
      status: greedy.status === "optimal" ? "optimal" : "timeout",
      details: { ...greedy.details, stage: "greedy" },
    };
  }
  const ilp = await scheduleIlp(g, { ...options, start: greedy.order, timeLimit: left });
  return {
    ...ilp,
    seconds: (performance.now() - t0) / 1000,
    details: { ...ilp.details, stage: "ilp", greedy: greedy.details },
  };
}

/**
 * The `best` scheduler.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const { peakLive, status } = await bestScheduler.schedule(g, { timeLimit: 60 });
 * assert.deepEqual([peakLive, status], [22, "optimal"]);
 * ```
 */
export const bestScheduler: Scheduler = {
  name: "best",
  description: "greedy scheduling, then the lifetime ILP from its order while time remains",
  schedule: (g, options) => scheduleBest(g, options),
};
