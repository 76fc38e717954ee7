/**
 * The test kit: the one seeded PRNG, the one set of brute-force oracles
 * (scheduler and placer), independent validity checks, the one `arenaOf`,
 * and the seeded generators of graphs and buffer problems, used by every
 * test and benchmark. Not part of the public library.
 *
 * @module
 */
export { randomInt, seeded } from "./prng.ts";
export { arenaOf } from "./arena.ts";
export { type TempDir, tempDir } from "./temp_dir.ts";
export { assertPlacementValid, assertTopological } from "./assert_valid.ts";
export { bruteForcePlacement, type PlacementOptimum } from "./brute_force_placement.ts";
export { bruteForceSchedule, type ScheduleOptimum } from "./brute_force_schedule.ts";
export { randomDag } from "./random_dag.ts";
export { type BufferRow, problemOfRows, randomProblem } from "./random_problem.ts";
export {
  randomTrainingGraph,
  type RandomTrainingGraphOptions,
  type SyntheticOptions,
  syntheticTrainingGraph,
} from "./training_graph.ts";
export { conflicts, peakOfSpans, residentSpans, type Spans } from "./spans.ts";
export {
  forEachTopologicalOrder,
  predecessors,
  topologicalOrderByPriority,
} from "./topological_order.ts";
