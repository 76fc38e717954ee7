/**
 * Planners: schedulers (graph → order) and placers (buffer problem → offsets),
 * each found by name in the registry.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * import { lifetimes } from "../graph/lifetimes.ts";
 * import { placementProblem } from "../graph/placement_problem.ts";
 * import { getPlacer, getScheduler } from "./mod.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const { order } = await getScheduler("greedy").schedule(g);
 * const problem = placementProblem(g, lifetimes(g, order));
 * const { offsets, arena, status } = await getPlacer("greedy-size").place(problem);
 * assert.equal(offsets.length, g.tensorCount);
 * assert.deepEqual([arena, status], [22, "optimal"]);
 * ```
 *
 * @module
 */
export * from "./types.ts";
export * from "./registry.ts";
export { programScheduler, scheduleProgram } from "./schedulers/program.ts";
export {
  GREEDY_VARIANTS,
  type GreedyScheduleOptions,
  greedyScheduler,
  type GreedyVariant,
  scheduleGreedy,
} from "./schedulers/greedy.ts";
export {
  type GreedyPlaceOptions,
  greedySizePlacer,
  placeGreedySize,
} from "./placers/greedy_size.ts";
export { greedyConflictsPlacer, placeGreedyConflicts } from "./placers/greedy_conflicts.ts";
export { greedyAreaPlacer, placeGreedyArea } from "./placers/greedy_area.ts";
export { firstFitPlacer, placeFirstFit } from "./placers/first_fit.ts";
export * from "./ilp/mod.ts";
export { bestOf, type BestOfLimits, type BestOfResult } from "./best_of.ts";
export { type BestPlaceOptions, bestPlacerOf, placeBest } from "./best.ts";
export { bestScheduler, scheduleBest } from "./best_scheduler.ts";
export * from "./highs/mod.ts";
