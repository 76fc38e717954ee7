/**
 * Running a registered scheduler and placer on a graph, the way the CLI
 * does, with this suite's small time limit.
 *
 * @module
 */
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import { lifetimes } from "../graph/lifetimes.ts";
import { placementProblem } from "../graph/placement_problem.ts";
import { buildPlan } from "../graph/plan.ts";
import type { PlacementProblem, Plan, Schedule } from "../graph/types.ts";
import type { Placer, PlaceResult, Scheduler, ScheduleResult } from "../solver/types.ts";
import { PLANNER_OPTIONS } from "./_planners.ts";

/**
 * The placement problem of `g` under `order` (FORMAT.md §4).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * import { programOrder } from "../graph/lifetimes.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * assert.equal(problemOf(g, programOrder(g)).buffers.length, g.tensorCount);
 * ```
 */
export function problemOf(g: IndexedGraph, order: Schedule): PlacementProblem {
  return placementProblem(g, lifetimes(g, order));
}

/** A plan and the two results it was made of. */
export interface Planned {
  plan: Plan;
  schedule: ScheduleResult;
  placement: PlaceResult;
}

/**
 * Places `schedule`'s order with `placer` and writes the plan.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * import { greedySizePlacer } from "../solver/placers/greedy_size.ts";
 * import { greedyScheduler } from "../solver/schedulers/greedy.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const { plan } = await placeSchedule(g, await greedyScheduler.schedule(g), greedySizePlacer);
 * assert.deepEqual(plan.order, ["f1", "f2", "f3", "f4"]);
 * ```
 */
export async function placeSchedule(
  g: IndexedGraph,
  schedule: ScheduleResult,
  placer: Placer,
): Promise<Planned> {
  const placement = await placer.place(problemOf(g, schedule.order), PLANNER_OPTIONS);
  const plan = buildPlan(g, {
    order: schedule.order,
    offsets: placement.offsets,
    planner: { scheduler: schedule.status, placer: placement.status },
  });
  return { plan, schedule, placement };
}

/**
 * Schedules with `scheduler`, then places with `placer`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * import { PLACERS, SCHEDULERS } from "../solver/registry.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const { plan, placement } = await planWith(g, SCHEDULERS.greedy, PLACERS["greedy-size"]);
 * assert.equal(Object.keys(plan.offsets ?? {}).length, 6);
 * assert.equal(placement.arena, 22);
 * ```
 */
export async function planWith(
  g: IndexedGraph,
  scheduler: Scheduler,
  placer: Placer,
): Promise<Planned> {
  return placeSchedule(g, await scheduler.schedule(g, PLANNER_OPTIONS), placer);
}
