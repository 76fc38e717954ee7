/**
 * The planning pipeline: a scheduler picks the order, a placer the offsets of
 * that order's placement problem, under one shared time budget.
 *
 * @module
 */
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import { lifetimes } from "../graph/lifetimes.ts";
import { buildPlan } from "../graph/plan.ts";
import { placementProblem } from "../graph/placement_problem.ts";
import type { Plan, Schedule } from "../graph/types.ts";
import { getPlacer, getScheduler } from "./registry.ts";
import type { PlaceResult, ScheduleResult } from "./types.ts";

/** Options of {@linkcode planGraph}. */
export interface PlanGraphOptions {
  /** Registered scheduler name; default `best`. */
  scheduler?: string;
  /** Registered placer name; default `best`. */
  placer?: string;
  /** Seconds for the whole plan; the scheduler gets half, the placer what is left. Default 30. */
  timeLimit?: number;
  /** Every offset + size must fit under it. */
  capacity?: number;
  seed?: number;
}

/** A plan and how it was made. */
export interface PlannedGraph {
  plan: Plan;
  order: Schedule;
  offsets: Float64Array;
  schedule: ScheduleResult;
  placement: PlaceResult;
  seconds: number;
}

/**
 * Plans a graph: order, then offsets. The result is unverified: callers replay
 * it with the simulator (the planner is never its own judge).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const { plan } = await planGraph(g, { scheduler: "greedy", placer: "greedy-size" });
 * assert.deepEqual(plan.order, ["f1", "f2", "f3", "f4"]);
 * ```
 */
export async function planGraph(
  g: IndexedGraph,
  options: PlanGraphOptions = {},
): Promise<PlannedGraph> {
  const t0 = performance.now();
  const timeLimit = options.timeLimit ?? 30;
  const schedulerName = options.scheduler ?? "best";
  const placerName = options.placer ?? "best";
  const scheduler = getScheduler(schedulerName);
  const placer = getPlacer(placerName);
  const schedule = await scheduler.schedule(g, { timeLimit: timeLimit / 2, seed: options.seed });
  const lt = lifetimes(g, schedule.order);
  const problem = placementProblem(g, lt, { capacity: options.capacity });
  const left = Math.max(timeLimit - (performance.now() - t0) / 1000, 1);
  const placement = await placer.place(problem, {
    timeLimit: left,
    seed: options.seed,
    capacity: options.capacity,
  });
  const seconds = (performance.now() - t0) / 1000;
  const plan = buildPlan(g, {
    order: schedule.order,
    offsets: placement.offsets,
    capacity: options.capacity,
    planner: {
      name: `${schedulerName}+${placerName}`,
      scheduler: {
        name: schedulerName,
        status: schedule.status,
        seconds: schedule.seconds,
        ...schedule.details,
      },
      placer: {
        name: placerName,
        status: placement.status,
        seconds: placement.seconds,
        ...placement.details,
      },
      seconds,
    },
  });
  return { plan, order: schedule.order, offsets: placement.offsets, schedule, placement, seconds };
}
