/**
 * Every scheduler and placer, found by name in one table each, with its
 * traits: the CLI, the pipeline, the benchmarks and the property tests read
 * these tables, and every list of "fast" or "exact" planners is derived from
 * the traits, so a planner is available everywhere once it has a line here.
 * The placers' table is in placer_registry.ts (re-exported here).
 *
 * To add a scheduler, write it in its own file exporting a
 * {@linkcode Scheduler} object, import it below and add one line to the
 * table: the key must equal the object's `name`.
 *
 * @module
 */
import { bestScheduler } from "./best_scheduler.ts";
import { ilpScheduler } from "./ilp/schedule_ilp.ts";
import { greedyScheduler } from "./schedulers/greedy.ts";
import { programScheduler } from "./schedulers/program.ts";
import type { Scheduler } from "./types.ts";
import { placerNames } from "./placer_registry.ts";
import {
  linear,
  lookup,
  namesWith,
  plannersOf,
  type PlannerTraits,
  type Registered,
} from "./_registry_table.ts";

export { getPlacer, linearPlacers, PLACER_TABLE, placerNames, PLACERS } from "./placer_registry.ts";
export type { PlannerCost, PlannerTraits, Registered } from "./_registry_table.ts";

/**
 * Schedulers by name, with their traits.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { SCHEDULER_TABLE } from "./registry.ts";
 * assert.equal(SCHEDULER_TABLE.greedy.cost, "linear");
 * ```
 */
export const SCHEDULER_TABLE: Readonly<Record<string, Registered<Scheduler>>> = Object.freeze({
  program: { planner: programScheduler, ...linear("program") },
  greedy: { planner: greedyScheduler, ...linear("greedy") },
  ilp: { planner: ilpScheduler, cost: "solver", family: "ilp", exact: true },
  best: { planner: bestScheduler, cost: "solver", family: "best", exact: false },
});

/**
 * Schedulers by name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(Object.keys(SCHEDULERS), ["program", "greedy", "ilp", "best"]);
 * ```
 */
export const SCHEDULERS: Readonly<Record<string, Scheduler>> = plannersOf(SCHEDULER_TABLE);

/**
 * Names of the registered schedulers, in table order, optionally only those
 * with the given traits.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(schedulerNames(), ["program", "greedy", "ilp", "best"]);
 * assert.deepEqual(schedulerNames({ cost: "linear" }), ["program", "greedy"]);
 * ```
 */
export function schedulerNames(traits: Partial<PlannerTraits> = {}): string[] {
  return namesWith(SCHEDULER_TABLE, traits);
}

/**
 * The names of every registered planner, schedulers then placers, with the
 * given traits: e.g. the linear ones, which run on inputs of any size.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(plannerNames({ cost: "linear" }), [
 *   "program", "greedy", "greedy-size", "greedy-conflicts", "greedy-area", "first-fit", "skyline",
 * ]);
 * ```
 */
export function plannerNames(traits: Partial<PlannerTraits> = {}): string[] {
  return [...schedulerNames(traits), ...placerNames(traits)];
}

/**
 * The scheduler of that name; throws an Error listing the valid names otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * import { getScheduler } from "./registry.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const { order } = await getScheduler("greedy").schedule(g);
 * assert.equal(order.length, g.opCount);
 * ```
 */
export function getScheduler(name: string): Scheduler {
  return lookup(SCHEDULERS, name, "scheduler");
}
