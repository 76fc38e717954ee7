/**
 * The `best` planners: every greedy method first, then the ILP while time
 * remains. They import what they run from its own file, not from the
 * registry, so the registry can list them without an import cycle.
 *
 * @module
 */
import { problemPeakLive } from "../../graph/placement_problem.ts";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { PlacementDeadline } from "../placers/_place_in_order.ts";
import type { GreedyPlaceOptions } from "../placers/_place_result.ts";
import { firstFitPlacer } from "../placers/first_fit.ts";
import { greedyAreaPlacer } from "../placers/greedy_area.ts";
import { greedyConflictsPlacer } from "../placers/greedy_conflicts.ts";
import { greedySizePlacer } from "../placers/greedy_size.ts";
import { scheduleGreedy } from "../schedulers/greedy.ts";
import type {
  PlaceOptions,
  Placer,
  PlaceResult,
  PlannerStatus,
  ScheduleOptions,
  Scheduler,
  ScheduleResult,
} from "../types.ts";
import { placeSearch } from "../search/search_placer.ts";
import { placeIlp } from "./place_ilp.ts";
import { scheduleIlp } from "./schedule_ilp.ts";

/**
 * The greedy placers `best` tries, in order; the first wins ties.
 *
 * @example
 * ```ts
 * GREEDY_PLACERS.map((p) => p.name); // ["greedy-size", "greedy-conflicts", "greedy-area", "first-fit"]
 * ```
 */
export const GREEDY_PLACERS: readonly Placer[] = [
  greedySizePlacer,
  greedyConflictsPlacer,
  greedyAreaPlacer,
  firstFitPlacer,
];

/**
 * How much longer than first-fit each greedy placer takes, with twice the
 * room measured on 60,000 buffers (greedy-size 10×, greedy-conflicts 6×,
 * greedy-area 13×; the ratios grow with the size): a greedy placer is skipped
 * when its estimate no longer fits in the time limit.
 */
const GREEDY_COST_FACTOR: Record<string, number> = {
  "greedy-size": 20,
  "greedy-conflicts": 12,
  "greedy-area": 26,
};

/** Above this many buffers `best` stops after the greedy placers. */
export const EXACT_MAX_BUFFERS = 5000;

/**
 * Runs every greedy placer and keeps the smallest arena; stops there when it
 * equals the peak-live bound (proved optimal), else improves it with the
 * location ILP for the rest of `timeLimit` (default 30 s). With a capacity the
 * arena exceeds, the status is `infeasible` when the bound proves no placement
 * fits, else `timeout`.
 *
 * @example
 * ```ts
 * const r = await placeBest(problem, { timeLimit: 60, capacity: 1 << 20 });
 * r.status; // "optimal" | "feasible" | "infeasible" | "timeout"
 * ```
 */
export async function placeBest(
  problem: PlacementProblem,
  options: PlaceOptions = {},
): Promise<PlaceResult> {
  const t0 = performance.now();
  const timeLimit = options.timeLimit ?? 30;
  const bound = problemPeakLive(problem);
  const capacity = options.capacity ?? problem.capacity;
  const greedy: Record<string, number> = {};
  const seconds = () => (performance.now() - t0) / 1000;
  let best: { name: string; result: PlaceResult } | undefined;
  // The cheapest greedy placer runs first, and always (a placement is owed);
  // each other one only when, at first-fit's cost times its
  // GREEDY_COST_FACTOR, it still ends within the time limit.
  const firstStart = seconds();
  const first = await firstFitPlacer.place(problem, options);
  const firstCost = seconds() - firstStart;
  const results = new Map<string, PlaceResult>([[firstFitPlacer.name, first]]);
  const skipped: string[] = [];
  // Past the deadline a greedy placer throws PlacementDeadline and is skipped.
  const greedyOptions: GreedyPlaceOptions = { ...options, deadline: t0 + timeLimit * 1000 };
  for (const placer of GREEDY_PLACERS) {
    let result = results.get(placer.name);
    if (result === undefined) {
      const done = [...results.values()].some((r) => r.arena <= bound);
      if (done) break;
      if (seconds() + (GREEDY_COST_FACTOR[placer.name] ?? 26) * firstCost > timeLimit) {
        skipped.push(placer.name);
        continue;
      }
      try {
        result = await placer.place(problem, greedyOptions);
      } catch (e) {
        if (!(e instanceof PlacementDeadline)) throw e;
        skipped.push(placer.name);
        continue;
      }
      results.set(placer.name, result);
    }
    greedy[placer.name] = result.arena;
  }
  for (const placer of GREEDY_PLACERS) {
    const result = results.get(placer.name);
    if (result && (!best || result.arena < best.result.arena)) best = { name: placer.name, result };
  }
  const details: Record<string, unknown> = { greedy, start: best!.name };
  if (skipped.length > 0) details.skippedForTime = skipped;
  if (capacity !== undefined) details.capacity = capacity;
  const left = timeLimit - seconds();
  if (best!.result.arena <= bound || left <= 0.5) {
    const { offsets, arena } = best!.result;
    const optimal = arena <= bound;
    const status: PlannerStatus = capacity !== undefined && arena > capacity
      ? (bound > capacity ? "infeasible" : "timeout")
      : optimal
      ? "optimal"
      : "timeout";
    return { offsets, arena, status, seconds: seconds(), bound, details };
  }
  // Past a few thousand buffers the search and the ILP cannot finish, and
  // even setting them up (greedy-size inside the search, the ILP's model)
  // overruns short limits: the best greedy placement is the answer.
  if (problem.buffers.length > EXACT_MAX_BUFFERS) {
    const { offsets, arena } = best!.result;
    const status: PlannerStatus = capacity !== undefined && arena > capacity
      ? (bound > capacity ? "infeasible" : "timeout")
      : capacity !== undefined
      ? "feasible"
      : "timeout";
    return {
      offsets,
      arena,
      status,
      seconds: seconds(),
      bound,
      details: { ...details, note: `no exact stage above ${EXACT_MAX_BUFFERS} buffers` },
    };
  }
  // The exact search first (it proves or packs tight capacities in seconds
  // where greedy misses by a third), then the ILP on what is left of the time.
  const search = placeSearch(problem, {
    ...options,
    capacity,
    minimize: capacity === undefined,
    timeLimit: left * 0.8,
  });
  details.search = { arena: search.arena, status: search.status, seconds: search.seconds };
  // Heights the search refuted raise the bound above peak live.
  const lower = Math.max(bound, search.bound ?? bound);
  const fits = (r: PlaceResult) => capacity === undefined || r.arena <= capacity;
  if (fits(search) && (search.arena < best!.result.arena || !fits(best!.result))) {
    best = { name: "search", result: search };
  }
  const afterSearch = timeLimit - seconds();
  if (best!.result.arena <= lower || search.status === "infeasible" || afterSearch <= 0.5) {
    const { offsets, arena } = best!.result;
    const status: PlannerStatus = capacity !== undefined && arena > capacity
      ? (search.status === "infeasible" || lower > capacity ? "infeasible" : "timeout")
      : arena <= lower || (capacity === undefined && search.status === "optimal")
      ? "optimal"
      : capacity !== undefined
      ? "feasible"
      : "timeout";
    return {
      offsets,
      arena,
      status,
      seconds: seconds(),
      bound: lower,
      details: { ...details, winner: best!.name },
    };
  }
  const ilp = await placeIlp(problem, {
    ...options,
    start: best!.result.offsets,
    timeLimit: afterSearch,
  });
  const ilpBound = Math.max(lower, ilp.bound ?? lower);
  return {
    ...ilp,
    status: ilp.status === "timeout" && capacity === undefined && ilp.arena <= ilpBound
      ? "optimal"
      : ilp.status,
    bound: ilpBound,
    seconds: seconds(),
    details: { ...details, ilp: ilp.details },
  };
}

/**
 * The `best` placer.
 *
 * @example
 * ```ts
 * const { offsets, arena, status } = await bestPlacer.place(problem, { timeLimit: 60 });
 * ```
 */
export const bestPlacer: Placer = {
  name: "best",
  description:
    "every greedy placer, then the exact search, then the location ILP on the best one while time remains",
  place: (problem, options) => placeBest(problem, options),
};

/**
 * Greedy scheduling, then the lifetime ILP from the greedy order for the rest
 * of `timeLimit` (default 30 s) unless greedy already met the lower bound.
 *
 * @example
 * ```ts
 * const r = await scheduleBest(g, { timeLimit: 60 });
 * r.details?.stage; // "greedy" or "ilp"
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
 * const { order, peakLive, status } = await bestScheduler.schedule(g, { timeLimit: 60 });
 * ```
 */
export const bestScheduler: Scheduler = {
  name: "best",
  description: "greedy scheduling, then the lifetime ILP from its order while time remains",
  schedule: (g, options) => scheduleBest(g, options),
};
