/**
 * Every placer, found by name in one table, with its traits (the schedulers
 * are in registry.ts, which re-exports this). A module of its own so that
 * placing loads no scheduler: theirs load the graph validation and its
 * schemas, start-up that `place --time-limit` counts.
 *
 * To add a placer, write it in its own file exporting a {@linkcode Placer}
 * object, import it below and add one line to the table: the key must equal
 * the object's `name`. A placer registered with cost `linear` is also one of
 * the starts of the `best` placer.
 *
 * @module
 */
import { bestPlacerOf } from "./best.ts";
import { ilpPlacer } from "./ilp/place_ilp.ts";
import { firstFitPlacer } from "./placers/first_fit.ts";
import { greedyAreaPlacer } from "./placers/greedy_area.ts";
import { greedyConflictsPlacer } from "./placers/greedy_conflicts.ts";
import { greedySizePlacer } from "./placers/greedy_size.ts";
import { skylinePlacer } from "./placers/skyline.ts";
import { searchPlacer } from "./search/search_placer.ts";
import type { Placer } from "./types.ts";
import {
  linear,
  lookup,
  namesWith,
  plannersOf,
  type PlannerTraits,
  type Registered,
} from "./_registry_table.ts";

/**
 * Placers by name, with their traits.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { PLACER_TABLE } from "./registry.ts";
 * assert.equal(PLACER_TABLE.search.exact, true);
 * ```
 */
export const PLACER_TABLE: Readonly<Record<string, Registered<Placer>>> = Object.freeze({
  "greedy-size": { planner: greedySizePlacer, ...linear("greedy") },
  "greedy-conflicts": { planner: greedyConflictsPlacer, ...linear("greedy") },
  "greedy-area": { planner: greedyAreaPlacer, ...linear("greedy") },
  "first-fit": { planner: firstFitPlacer, ...linear("greedy") },
  skyline: { planner: skylinePlacer, ...linear("greedy") },
  ilp: { planner: ilpPlacer, cost: "solver", family: "ilp", exact: true },
  best: {
    planner: bestPlacerOf(() => linearPlacers()),
    cost: "solver",
    family: "best",
    exact: false,
  },
  search: { planner: searchPlacer, cost: "search", family: "search", exact: true },
});

/**
 * Placers by name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(Object.keys(PLACERS), [
 *   "greedy-size", "greedy-conflicts", "greedy-area", "first-fit", "skyline", "ilp", "best",
 *   "search",
 * ]);
 * ```
 */
export const PLACERS: Readonly<Record<string, Placer>> = plannersOf(PLACER_TABLE);

/**
 * Names of the registered placers, in table order, optionally only those
 * with the given traits.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(placerNames(), [
 *   "greedy-size", "greedy-conflicts", "greedy-area", "first-fit", "skyline", "ilp", "best",
 *   "search",
 * ]);
 * assert.deepEqual(placerNames({ cost: "linear" }), [
 *   "greedy-size", "greedy-conflicts", "greedy-area", "first-fit", "skyline",
 * ]);
 * ```
 */
export function placerNames(traits: Partial<PlannerTraits> = {}): string[] {
  return namesWith(PLACER_TABLE, traits);
}

/**
 * The linear placers, in table order: the starts of the `best` placer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(linearPlacers().map((p) => p.name), [
 *   "greedy-size", "greedy-conflicts", "greedy-area", "first-fit", "skyline",
 * ]);
 * ```
 */
export function linearPlacers(): Placer[] {
  return placerNames({ cost: "linear" }).map((n) => PLACER_TABLE[n].planner);
}

/**
 * The placer of that name; throws an Error listing the valid names otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { getPlacer } from "./registry.ts";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 1, size: 4 }] };
 * const { offsets } = await getPlacer("greedy-size").place(problem);
 * assert.deepEqual([...offsets], [0]);
 * ```
 */
export function getPlacer(name: string): Placer {
  return lookup(PLACERS, name, "placer");
}
