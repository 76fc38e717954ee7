/**
 * Planning a graph: a scheduler picks the order, a placer the offsets of that
 * order's placement problem, under one shared time budget. This file owns the
 * split: the scheduler gets half, the placer what is left (none, at worst: its quickest answer).
 *
 * @module
 */
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import { lifetimes } from "../graph/lifetimes.ts";
import { buildPlan } from "../graph/plan.ts";
import { placementProblem, problemPeakLive } from "../graph/placement_problem.ts";
import type { Plan, Schedule } from "../graph/types.ts";
import { getPlacer, getScheduler } from "../solver/registry.ts";
import type { Placer, PlaceResult, Scheduler, ScheduleResult } from "../solver/types.ts";

/** Default seconds of a whole plan. */
export const PLAN_SECONDS = 30;

/** A schedule and the wall-clock seconds it took. */
export interface TimedSchedule {
  result: ScheduleResult;
  seconds: number;
}

/** Options of {@linkcode planGraph}. */
export interface PlanGraphOptions {
  /** Registered scheduler name, or a scheduler; default `best`. */
  scheduler?: string | Scheduler;
  /** Registered placer name, or a placer; default `best`. */
  placer?: string | Placer;
  /** Seconds for the whole plan; the scheduler gets half, the placer what is left. Default 30. */
  timeLimit?: number;
  /** Every offset + size must fit under it. */
  capacity?: number;
  seed?: number;
  /** Threads the placer may use, 1 or 2 (default 2; see `PlaceOptions.threads`). */
  threads?: number;
  /**
   * Schedules already made, by scheduler, time limit and seed: a sweep places
   * one order with several placers and schedules it once.
   */
  schedules?: Map<string, Promise<TimedSchedule>>;
}

/** A plan and how it was made. */
export interface PlannedGraph {
  plan: Plan;
  /** The scheduler's and the placer's names, as asked for. */
  schedulerName: string;
  placerName: string;
  order: Schedule;
  offsets: Float64Array;
  schedule: ScheduleResult;
  placement: PlaceResult;
  /** Wall-clock seconds of the scheduler (when reused, of its first run). */
  scheduleSeconds: number;
  /** Wall-clock seconds of the placer. */
  placeSeconds: number;
  /** Seconds of the whole plan. */
  seconds: number;
}

/**
 * Plans a graph: order, then offsets. The result is unverified: callers replay
 * it with the simulator (the planner is never its own judge), as
 * {@linkcode planVerified} does.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * import { planGraph } from "./plan_graph.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const { plan } = await planGraph(g, { scheduler: "greedy", placer: "greedy-size" });
 * assert.equal(plan.planner?.name, "greedy+greedy-size");
 * ```
 */
export async function planGraph(
  g: IndexedGraph,
  options: PlanGraphOptions = {},
): Promise<PlannedGraph> {
  const timeLimit = options.timeLimit ?? PLAN_SECONDS;
  const scheduler = typeof options.scheduler === "object"
    ? options.scheduler
    : getScheduler(options.scheduler ?? "best");
  const placer = typeof options.placer === "object"
    ? options.placer
    : getPlacer(options.placer ?? "best");
  const schedulerName = typeof options.scheduler === "string" ? options.scheduler : scheduler.name;
  const placerName = typeof options.placer === "string" ? options.placer : placer.name;
  const key = `${scheduler.name}|${timeLimit}|${options.seed}`;
  let scheduled = options.schedules?.get(key);
  if (!scheduled) {
    scheduled = timed(() =>
      scheduler.schedule(g, { timeLimit: timeLimit / 2, seed: options.seed })
    );
    options.schedules?.set(key, scheduled);
  }
  const { result: schedule, seconds: scheduleSeconds } = await scheduled;
  const t1 = performance.now();
  const lt = lifetimes(g, schedule.order);
  const problem = placementProblem(g, lt, { capacity: options.capacity });
  // What is left, even none: a placer given 0 s returns its quickest placement
  // (a floor of 1 s overran short limits by as much).
  const left = Math.max(timeLimit - scheduleSeconds - (performance.now() - t1) / 1000, 0);
  const placed = await timed(() =>
    placer.place(problem, {
      timeLimit: left,
      seed: options.seed,
      capacity: options.capacity,
      ...(options.threads === undefined ? {} : { threads: options.threads }),
    })
  );
  const placement = placed.result;
  // A reused schedule costs nothing now; its first run's seconds count.
  const seconds = scheduleSeconds + (performance.now() - t1) / 1000;
  // What no placement of this order beats: peak live, or what the placer proved above it.
  const peak = problemPeakLive(problem);
  const own = placement.bound ?? 0;
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
      placementLowerBound: {
        bytes: Math.max(peak, own),
        method: own >= peak && placement.boundMethod ? placement.boundMethod : "peak-live",
      },
    },
  });
  return {
    plan,
    schedulerName,
    placerName,
    order: schedule.order,
    offsets: placement.offsets,
    schedule,
    placement,
    scheduleSeconds,
    placeSeconds: placed.seconds,
    seconds,
  };
}

async function timed<T>(run: () => Promise<T> | T): Promise<{ result: T; seconds: number }> {
  const t0 = performance.now();
  const result = await run();
  return { result, seconds: (performance.now() - t0) / 1000 };
}
