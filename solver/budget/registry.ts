/**
 * Every planner under a memory budget, found by name in one table with its
 * traits, like the schedulers and placers of solver/registry.ts: the CLI
 * (`plan --budget`, `pareto`), the benchmarks and the property tests iterate
 * this table, and every list of "exact" or "offloading" planners is derived
 * from the traits. To add one, write it in its own file exporting a
 * {@linkcode BudgetPlanner} and add one line to the table (the key equals the
 * object's `name`).
 *
 * @module
 */
import { chenPlanner } from "./chen.ts";
import { checkmatePlanner } from "./checkmate.ts";
import { greedyBudgetPlanner, greedyOffloadPlanner } from "./greedy.ts";
import { moccasinPlanner } from "./moccasin.ts";
import type { BudgetPlanner } from "./types.ts";

/**
 * How a budget planner's time grows: `heuristic` — a few passes over the
 * graph, run on graphs of any size; `solver` — a MILP (HiGHS) that runs until
 * it proves its answer or its time limit ends.
 */
export type BudgetPlannerCost = "heuristic" | "solver";

/** What the registry knows of a budget planner besides its code. */
export interface BudgetPlannerTraits {
  cost: BudgetPlannerCost;
  /**
   * Proves optimality given the time: with no time limit and the program order
   * as its base order, its cost equals the least recomputed cost of any
   * stage-form recompute plan within the budget on small graphs (property 8
   * checks it against brute force), so it never drops when the budget tightens.
   */
  exact: boolean;
  /** May copy tensors to the host and back (its plans have offload and fetch events). */
  offloads: boolean;
}

/** A registered budget planner and its traits. */
export interface RegisteredBudgetPlanner extends BudgetPlannerTraits {
  planner: BudgetPlanner;
}

/**
 * Budget planners by name, with their traits.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(BUDGET_PLANNER_TABLE.checkmate.exact, true);
 * assert.equal(BUDGET_PLANNER_TABLE["greedy-offload"].offloads, true);
 * assert.equal(BUDGET_PLANNER_TABLE.chen.cost, "heuristic");
 * ```
 */
export const BUDGET_PLANNER_TABLE: Readonly<Record<string, RegisteredBudgetPlanner>> = Object
  .freeze({
    chen: { planner: chenPlanner, cost: "heuristic", exact: false, offloads: false },
    greedy: { planner: greedyBudgetPlanner, cost: "heuristic", exact: false, offloads: false },
    "greedy-offload": {
      planner: greedyOffloadPlanner,
      cost: "heuristic",
      exact: false,
      offloads: true,
    },
    checkmate: { planner: checkmatePlanner, cost: "solver", exact: true, offloads: false },
    moccasin: { planner: moccasinPlanner, cost: "solver", exact: true, offloads: false },
  });

/**
 * Budget planners by name (the table less its traits).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(Object.keys(BUDGET_PLANNERS), Object.keys(BUDGET_PLANNER_TABLE));
 * assert.equal(BUDGET_PLANNERS.chen.name, "chen");
 * ```
 */
export const BUDGET_PLANNERS: Readonly<Record<string, BudgetPlanner>> = Object.freeze(
  Object.fromEntries(
    Object.entries(BUDGET_PLANNER_TABLE).map(([name, entry]) => [name, entry.planner]),
  ),
);

/**
 * Names of the registered budget planners, in table order, optionally only
 * those with the given traits.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(budgetPlannerNames(), [
 *   "chen",
 *   "greedy",
 *   "greedy-offload",
 *   "checkmate",
 *   "moccasin",
 * ]);
 * assert.deepEqual(budgetPlannerNames({ exact: true }), ["checkmate", "moccasin"]);
 * assert.deepEqual(budgetPlannerNames({ offloads: true }), ["greedy-offload"]);
 * ```
 */
export function budgetPlannerNames(traits: Partial<BudgetPlannerTraits> = {}): string[] {
  const wanted = Object.entries(traits) as [keyof BudgetPlannerTraits, unknown][];
  return Object.keys(BUDGET_PLANNER_TABLE).filter((n) =>
    wanted.every(([k, v]) => BUDGET_PLANNER_TABLE[n][k] === v)
  );
}

/**
 * Whether this planner is registered and never offloads: only such a planner is
 * held to the recompute-only bound. A planner object counts only if it is the
 * registered one itself (a look-alike may do anything).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(neverOffloads("chen"), true);
 * assert.equal(neverOffloads(getBudgetPlanner("greedy")), true);
 * assert.equal(neverOffloads("greedy-offload"), false);
 * assert.equal(neverOffloads({ ...getBudgetPlanner("chen") }), false);
 * ```
 */
export function neverOffloads(planner: string | BudgetPlanner): boolean {
  const entry = typeof planner === "string"
    ? (Object.hasOwn(BUDGET_PLANNER_TABLE, planner) ? BUDGET_PLANNER_TABLE[planner] : undefined)
    : Object.values(BUDGET_PLANNER_TABLE).find((e) => e.planner === planner);
  return entry !== undefined && !entry.offloads;
}

/**
 * The budget planner of that name; throws an Error listing the valid names otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(getBudgetPlanner("chen").name, "chen");
 * assert.throws(() => getBudgetPlanner("nope"), /valid: chen, greedy/);
 * ```
 */
export function getBudgetPlanner(name: string): BudgetPlanner {
  if (Object.hasOwn(BUDGET_PLANNER_TABLE, name)) return BUDGET_PLANNER_TABLE[name].planner;
  throw new Error(
    `unknown budget planner ${JSON.stringify(name)}; valid: ${budgetPlannerNames().join(", ")}`,
  );
}
