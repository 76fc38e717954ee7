/**
 * Every scheduler and placer, found by name in one table each: the CLI, the
 * benchmarks and the property tests iterate these tables, so a planner is
 * available everywhere once it has a line here.
 *
 * To add one, write it in its own file exporting a {@linkcode Scheduler} or
 * {@linkcode Placer} object, import it below and add one `name: object` line
 * to the table (the key must equal the object's `name`). A composite planner
 * (say a `best` placer running greedy first, then stronger methods) imports
 * the planners it runs from their own files, not from here, to avoid an import
 * cycle, and gets its own line like any other.
 *
 * @module
 */
import { bestPlacer, bestScheduler } from "./ilp/best.ts";
import { ilpPlacer } from "./ilp/place_ilp.ts";
import { ilpScheduler } from "./ilp/schedule_ilp.ts";
import { firstFitPlacer } from "./placers/first_fit.ts";
import { greedyAreaPlacer } from "./placers/greedy_area.ts";
import { greedyConflictsPlacer } from "./placers/greedy_conflicts.ts";
import { greedySizePlacer } from "./placers/greedy_size.ts";
import { greedyScheduler } from "./schedulers/greedy.ts";
import { programScheduler } from "./schedulers/program.ts";
import { searchPlacer } from "./search/search_placer.ts";
import type { Placer, Scheduler } from "./types.ts";

/**
 * Schedulers by name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(Object.keys(SCHEDULERS), ["program", "greedy", "ilp", "best"]);
 * ```
 */
export const SCHEDULERS: Readonly<Record<string, Scheduler>> = Object.freeze({
  program: programScheduler,
  greedy: greedyScheduler,
  ilp: ilpScheduler,
  best: bestScheduler,
});

/**
 * Placers by name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(Object.keys(PLACERS), [
 *   "greedy-size", "greedy-conflicts", "greedy-area", "first-fit", "ilp", "best", "search",
 * ]);
 * ```
 */
export const PLACERS: Readonly<Record<string, Placer>> = Object.freeze({
  "greedy-size": greedySizePlacer,
  "greedy-conflicts": greedyConflictsPlacer,
  "greedy-area": greedyAreaPlacer,
  "first-fit": firstFitPlacer,
  ilp: ilpPlacer,
  best: bestPlacer,
  search: searchPlacer,
});

/**
 * Names of the registered schedulers, in table order (for help texts).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(schedulerNames(), ["program", "greedy", "ilp", "best"]);
 * ```
 */
export function schedulerNames(): string[] {
  return Object.keys(SCHEDULERS);
}

/**
 * Names of the registered placers, in table order (for help texts).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(placerNames(), [
 *   "greedy-size", "greedy-conflicts", "greedy-area", "first-fit", "ilp", "best", "search",
 * ]);
 * ```
 */
export function placerNames(): string[] {
  return Object.keys(PLACERS);
}

/**
 * The scheduler of that name; throws an Error listing the valid names otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const { order } = await getScheduler("greedy").schedule(g);
 * assert.equal(order.length, 4);
 * assert.throws(() => getScheduler("fastest"));
 * ```
 */
export function getScheduler(name: string): Scheduler {
  return lookup(SCHEDULERS, name, "scheduler");
}

/**
 * The placer of that name; throws an Error listing the valid names otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../graph/load.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * const { offsets } = await getPlacer("greedy-size").place(problem);
 * assert.equal(offsets.length, 5);
 * ```
 */
export function getPlacer(name: string): Placer {
  return lookup(PLACERS, name, "placer");
}

function lookup<T>(table: Readonly<Record<string, T>>, name: string, what: string): T {
  if (Object.hasOwn(table, name)) return table[name];
  throw new Error(
    `unknown ${what} ${JSON.stringify(name)}; valid ${what}s: ${Object.keys(table).join(", ")}`,
  );
}
