/**
 * OLLA's ILPs (Steiner et al. 2022) solved with HiGHS: the lifetime
 * (scheduling) ILP, the location (placement) ILP, and the `best` planners that
 * run greedy first and the ILPs while time remains.
 *
 * @module
 */
export {
  buildScheduleModel,
  type ScheduleModel,
  type ScheduleModelOptions,
  sizeGcd,
} from "./schedule_model.ts";
export { type IlpScheduleOptions, ilpScheduler, scheduleIlp } from "./schedule_ilp.ts";
export {
  buildPlacementModel,
  type PlacementModel,
  type PlacementModelOptions,
} from "./place_model.ts";
export { type IlpPlaceOptions, ilpPlacer, placeIlp } from "./place_ilp.ts";
export { bestPlacer, bestScheduler, GREEDY_PLACERS, placeBest, scheduleBest } from "./best.ts";
export { countConflicts, forEachConflict } from "./_conflicts.ts";
