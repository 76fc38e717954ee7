/**
 * The shape of the planner registries (registry.ts, placer_registry.ts):
 * each planner's traits, and the lookups both tables share.
 *
 * @module
 */

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

/**
 * The traits of a linear planner of `family`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(linear("greedy"), { cost: "linear", family: "greedy", exact: false });
 * ```
 */
export function linear(family: string) {
  return { cost: "linear", family, exact: false } as const;
}

/**
 * The planners of a table, by name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(plannersOf({ a: { planner: 1, ...linear("x") } }), { a: 1 });
 * ```
 */
export function plannersOf<P>(
  table: Readonly<Record<string, Registered<P>>>,
): Readonly<Record<string, P>> {
  return Object.freeze(Object.fromEntries(Object.entries(table).map(([n, e]) => [n, e.planner])));
}

/**
 * The names in a table whose traits match every one given.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const table = { a: { planner: 1, ...linear("x") }, b: { planner: 2, cost: "search", family: "y", exact: true } } as const;
 * assert.deepEqual(namesWith(table, { exact: true }), ["b"]);
 * ```
 */
export function namesWith<P>(
  table: Readonly<Record<string, Registered<P>>>,
  traits: Partial<PlannerTraits>,
): string[] {
  const wanted = Object.entries(traits) as [keyof PlannerTraits, unknown][];
  return Object.keys(table).filter((n) => wanted.every(([k, v]) => table[n][k] === v));
}

/**
 * The entry `name` of a table; throws naming the valid ones when there is none.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(lookup({ a: 1 }, "a", "placer"), 1);
 * assert.throws(() => lookup({ a: 1 }, "b", "placer"), /valid placers: a/);
 * ```
 */
export function lookup<T>(table: Readonly<Record<string, T>>, name: string, what: string): T {
  if (Object.hasOwn(table, name)) return table[name];
  throw new Error(
    `unknown ${what} ${JSON.stringify(name)}; valid ${what}s: ${Object.keys(table).join(", ")}`,
  );
}
