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
 * import assert from "node:assert/strict";
 * assert.deepEqual(GREEDY_PLACERS.map((p) => p.name), [
 *   "greedy-size", "greedy-conflicts", "greedy-area", "first-fit",
 * ]);
 * ```
 */
export const GREEDY_PLACERS: readonly Placer[] = [
  greedySizePlacer,
  greedyConflictsPlacer,
  greedyAreaPlacer,
  firstFitPlacer,
];

/**
 * Runs every greedy placer and keeps the smallest arena; stops there when it
 * equals the peak-live bound (proved optimal), else improves it with the
 * location ILP for the rest of `timeLimit` (default 30 s). With a capacity the
 * arena exceeds, the status is `infeasible` when the bound proves no placement
 * fits, else `timeout`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * // greedy-size already meets the peak-live bound (12): nothing left to prove
 * const r = await placeBest(problem, { timeLimit: 60, capacity: 1 << 20 });
 * assert.deepEqual([r.arena, r.status], [12, "optimal"]);
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
  let best: { name: string; result: PlaceResult } | undefined;
  for (const placer of GREEDY_PLACERS) {
    const result = await placer.place(problem, options);
    greedy[placer.name] = result.arena;
    if (!best || result.arena < best.result.arena) best = { name: placer.name, result };
    if (best.result.arena <= bound) break;
  }
  const seconds = () => (performance.now() - t0) / 1000;
  const details: Record<string, unknown> = { greedy, start: best!.name };
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
  // The exact search first (it proves or packs tight capacities in seconds
  // where greedy misses by a third), then the ILP on what is left of the time.
  const search = placeSearch(problem, {
    ...options,
    capacity,
    minimize: capacity === undefined,
    timeLimit: left * 0.8,
  });
  details.search = { arena: search.arena, status: search.status, seconds: search.seconds };
  const fits = (r: PlaceResult) => capacity === undefined || r.arena <= capacity;
  if (fits(search) && (search.arena < best!.result.arena || !fits(best!.result))) {
    best = { name: "search", result: search };
  }
  const afterSearch = timeLimit - seconds();
  if (best!.result.arena <= bound || search.status === "infeasible" || afterSearch <= 0.5) {
    const { offsets, arena } = best!.result;
    const status: PlannerStatus = capacity !== undefined && arena > capacity
      ? (search.status === "infeasible" || bound > capacity ? "infeasible" : "timeout")
      : arena <= bound || (capacity === undefined && search.status === "optimal")
      ? "optimal"
      : capacity !== undefined
      ? "feasible"
      : "timeout";
    return {
      offsets,
      arena,
      status,
      seconds: seconds(),
      bound,
      details: { ...details, winner: best!.name },
    };
  }
  const ilp = await placeIlp(problem, {
    ...options,
    start: best!.result.offsets,
    timeLimit: afterSearch,
  });
  return { ...ilp, seconds: seconds(), details: { ...details, ilp: ilp.details } };
}

/**
 * The `best` placer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * const { offsets, arena, status } = await bestPlacer.place(problem, { timeLimit: 60 });
 * assert.deepEqual([offsets.length, arena, status], [5, 12, "optimal"]);
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
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * // a chain: the greedy order meets the lower bound, no ILP needed
 * const r = await scheduleBest(g, { timeLimit: 60 });
 * assert.deepEqual([r.details?.stage, r.status], ["greedy", "optimal"]);
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
 * import { loadGraph } from "../../graph/load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const { order, peakLive, status } = await bestScheduler.schedule(g, { timeLimit: 60 });
 * assert.deepEqual([order.length, peakLive, status], [4, 22, "optimal"]);
 * ```
 */
export const bestScheduler: Scheduler = {
  name: "best",
  description: "greedy scheduling, then the lifetime ILP from its order while time remains",
  schedule: (g, options) => scheduleBest(g, options),
};
