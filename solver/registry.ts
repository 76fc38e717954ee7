/**
 * Every scheduler and placer, found by name in one table each, with its
 * traits: the CLI, the pipeline, the benchmarks and the property tests read
 * these tables, and every list of "fast" or "exact" planners is derived from
 * the traits, so a planner is available everywhere once it has a line here.
 *
 * To add one, write it in its own file exporting a {@linkcode Scheduler} or
 * {@linkcode Placer} object, import it below and add one line to the table:
 * the key must equal the object's `name`. A placer registered with cost
 * `linear` is also one of the starts of the `best` placer.
 *
 * @module
 */
import { bestPlacerOf, bestScheduler } from "./best.ts";
import { ilpPlacer } from "./ilp/place_ilp.ts";
import { ilpScheduler } from "./ilp/schedule_ilp.ts";
import { firstFitPlacer } from "./placers/first_fit.ts";
import { greedyAreaPlacer } from "./placers/greedy_area.ts";
import { greedyConflictsPlacer } from "./placers/greedy_conflicts.ts";
import { greedySizePlacer } from "./placers/greedy_size.ts";
import { skylinePlacer } from "./placers/skyline.ts";
import { greedyScheduler } from "./schedulers/greedy.ts";
import { programScheduler } from "./schedulers/program.ts";
import { searchPlacer } from "./search/search_placer.ts";
import type { Placer, Scheduler } from "./types.ts";

/**
 * How a planner's time grows: `linear` — one pass, near linear in the input,
 * run on graphs of any size; `search` — a combinatorial search that runs until
 * it proves its answer or its time limit ends; `solver` — an ILP (HiGHS), or a
 * composite that may run one.
 */
export type PlannerCost = "linear" | "search" | "solver";

/** What the registry knows of a planner besides its code. */
export interface PlannerTraits {
  cost: PlannerCost;
  /** The method it belongs to: `program`, `greedy`, `search`, `ilp`, `best`, … */
  family: string;
  /**
   * Proves optimality given the time: with no time limit it reaches the
   * brute-force optimum of every small input (property 3 checks it).
   */
  exact: boolean;
}

/** A registered planner and its traits. */
export interface Registered<P> extends PlannerTraits {
  planner: P;
}

const linear = (family: string) => ({ cost: "linear", family, exact: false }) as const;

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

function plannersOf<P>(
  table: Readonly<Record<string, Registered<P>>>,
): Readonly<Record<string, P>> {
  return Object.freeze(Object.fromEntries(Object.entries(table).map(([n, e]) => [n, e.planner])));
}

function namesWith<P>(
  table: Readonly<Record<string, Registered<P>>>,
  traits: Partial<PlannerTraits>,
): string[] {
  const wanted = Object.entries(traits) as [keyof PlannerTraits, unknown][];
  return Object.keys(table).filter((n) => wanted.every(([k, v]) => table[n][k] === v));
}

function lookup<T>(table: Readonly<Record<string, T>>, name: string, what: string): T {
  if (Object.hasOwn(table, name)) return table[name];
  throw new Error(
    `unknown ${what} ${JSON.stringify(name)}; valid ${what}s: ${Object.keys(table).join(", ")}`,
  );
}
