/**
 * The `best` planners: the registry's linear planners first (through
 * {@linkcode bestOf}), then the exact search and the ILP while time remains.
 * The registry hands them its list of linear placers, so they never import
 * the registry (no import cycle) and a placer registered as linear joins them.
 *
 * @module
 */
import { problemPeakLive } from "../graph/placement_problem.ts";
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import type { PlacementProblem } from "../graph/types.ts";
import { bestOf } from "./best_of.ts";
import { placeIlp } from "./ilp/place_ilp.ts";
import { scheduleIlp } from "./ilp/schedule_ilp.ts";
import { scheduleGreedy } from "./schedulers/greedy.ts";
import { placeSearch } from "./search/search_placer.ts";
import type {
  PlaceOptions,
  Placer,
  PlaceResult,
  PlannerStatus,
  ScheduleOptions,
  Scheduler,
  ScheduleResult,
} from "./types.ts";

/** Options of {@linkcode placeBest}. */
export interface BestPlaceOptions extends PlaceOptions {
  /** The fast placers to start from, in order (the first wins ties); the registry's linear ones. */
  start: readonly Placer[];
}

/**
 * Runs the `start` placers and keeps the smallest arena; stops there when it
 * equals the peak-live bound (proved optimal), else improves it with the
 * location ILP for the rest of `timeLimit` (default 30 s). With a capacity the
 * arena exceeds, the status is `infeasible` when the bound proves no placement
 * fits, else `timeout`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { greedySizePlacer } from "./placers/greedy_size.ts";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 2, size: 4 }, { id: "b", lower: 1, upper: 3, size: 4 }] };
 * const r = await placeBest(problem, { start: [greedySizePlacer], timeLimit: 60, capacity: 1 << 20 });
 * assert.equal(r.status, "optimal"); // greedy met the peak-live bound
 * ```
 */
export async function placeBest(
  problem: PlacementProblem,
  bestOptions: BestPlaceOptions,
): Promise<PlaceResult> {
  const t0 = performance.now();
  const { start, ...options } = bestOptions;
  const timeLimit = options.timeLimit ?? 30;
  const bound = problemPeakLive(problem);
  const capacity = options.capacity ?? problem.capacity;
  // The fast placers run whole whatever the budget: they take milliseconds.
  const first = await bestOf(problem, start, options, { bound });
  const greedy = first.arenas;
  let best: { name: string; result: PlaceResult } = first;
  const seconds = () => (performance.now() - t0) / 1000;
  const details: Record<string, unknown> = { greedy, start: best.name };
  if (capacity !== undefined) details.capacity = capacity;
  const left = timeLimit - seconds();
  if (best.result.arena <= bound || left <= 0.5) {
    const { offsets, arena } = best.result;
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
  if (fits(search) && (search.arena < best.result.arena || !fits(best.result))) {
    best = { name: "search", result: search };
  }
  const afterSearch = timeLimit - seconds();
  if (best.result.arena <= bound || search.status === "infeasible" || afterSearch <= 0.5) {
    const { offsets, arena } = best.result;
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
      details: { ...details, winner: best.name },
    };
  }
  const ilp = await placeIlp(problem, {
    ...options,
    start: best.result.offsets,
    timeLimit: afterSearch,
  });
  return { ...ilp, seconds: seconds(), details: { ...details, ilp: ilp.details } };
}

/**
 * The `best` placer over the fast placers `start()` returns (called at each
 * placement, so the registry can pass a list it derives after this is made).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { firstFitPlacer } from "./placers/first_fit.ts";
 * import { greedySizePlacer } from "./placers/greedy_size.ts";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 2, size: 4 }, { id: "b", lower: 1, upper: 3, size: 4 }] };
 * const best = bestPlacerOf(() => [greedySizePlacer, firstFitPlacer]);
 * const { arena } = await best.place(problem, { timeLimit: 60 });
 * assert.equal(arena, 8);
 * ```
 */
export function bestPlacerOf(start: () => readonly Placer[]): Placer {
  return {
    name: "best",
    description:
      "every greedy placer, then the exact search, then the location ILP on the best one while time remains",
    place: (problem, options) => placeBest(problem, { ...options, start: start() }),
  };
}

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
