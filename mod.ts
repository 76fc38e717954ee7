/**
 * memplan: plan, verify and measure the memory of one training step.
 *
 * - **Load and validate**: {@linkcode loadGraph}, {@linkcode indexGraph},
 *   {@linkcode loadResolvedPlan}, {@linkcode parsePlan}, {@linkcode loadMinimallocCsv}
 *   (bad input throws {@linkcode InputError} naming file, field and problem).
 * - **Verify** a plan in one call: {@linkcode verify}; replay any plan or
 *   allocator: {@linkcode simulate}, {@linkcode replay}; a placement:
 *   {@linkcode verifyPlacement}, {@linkcode verifySolution}.
 * - **Plan** through the pipeline (planned, replayed, bounded):
 *   {@linkcode planGraph}; **place** a buffer problem: {@linkcode placeProblem};
 *   the planners themselves by name: {@linkcode getScheduler}, {@linkcode getPlacer}.
 * - **Bounds** on any order's peak: {@linkcode orderLowerBound}, {@linkcode lowerBounds}.
 * - **Pictures**: {@linkcode vizPicture}, {@linkcode vizSvg}, {@linkcode vizHtml}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph, planGraph, simulate } from "./mod.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const report = simulate(g);
 * const planned = await planGraph(g, { scheduler: "greedy", placer: "greedy-size" });
 * assert.ok(planned.report.ok && planned.report.arena <= report.arena);
 * ```
 *
 * @module
 */
export * from "./graph/mod.ts";
export {
  type BoundKind,
  boundKindsFor,
  lowerBounds,
  type LowerBoundsOptions,
  type LowerBoundsResult,
  type OrderBound,
  orderLowerBound,
} from "./graph/bounds/mod.ts";
export * from "./simulator/mod.ts";
export {
  DEFAULT_TENSOR_CAP,
  type Picture,
  type PictureOptions,
  vizHtml,
  vizPicture,
  vizSide,
  vizSvg,
} from "./simulator/viz/mod.ts";
export {
  getPlacer,
  getScheduler,
  type Placer,
  type PlaceResult,
  placerNames,
  type PlannerCost,
  type PlannerStatus,
  type PlannerTraits,
  type Scheduler,
  type ScheduleResult,
  schedulerNames,
} from "./solver/mod.ts";
export {
  combineStatus,
  EXIT,
  formatPlannerBug,
  type GraphStats,
  graphStats,
  type PlaceSummary,
  placeSummary,
  type PlaceVerified,
  placeVerified,
  placeVerified as placeProblem,
  type PlaceVerifiedOptions,
  type PlanSummary,
  planSummary,
  type PlanVerified,
  planVerified,
  planVerified as planGraph,
  type PlanVerifiedOptions,
  replay,
  type ReplayOptions,
  verify,
  type VerifyOptions,
  verifySolution,
} from "./pipeline/mod.ts";
