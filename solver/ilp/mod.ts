/**
 * OLLA's ILPs (Steiner et al. 2022) solved with HiGHS: the lifetime
 * (scheduling) ILP and the location (placement) ILP. The `best` planners that
 * run them after the linear planners are in solver/best.ts.
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
