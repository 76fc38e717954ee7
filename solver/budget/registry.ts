/**
 * Every planner under a memory budget, by name: the CLI (`plan --budget`,
 * `pareto`), the benchmarks and the property tests iterate this table.
 *
 * @module
 */
import { chenPlanner } from "./chen.ts";
import { checkmatePlanner } from "./checkmate.ts";
import { greedyBudgetPlanner, greedyOffloadPlanner } from "./greedy.ts";
import { moccasinPlanner } from "./moccasin.ts";
import type { BudgetPlanner } from "./types.ts";

/**
 * Budget planners by name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(Object.keys(BUDGET_PLANNERS), [
 *   "chen",
 *   "greedy",
 *   "greedy-offload",
 *   "checkmate",
 *   "moccasin",
 * ]);
 * ```
 */
export const BUDGET_PLANNERS: Readonly<Record<string, BudgetPlanner>> = Object.freeze({
  chen: chenPlanner,
  greedy: greedyBudgetPlanner,
  "greedy-offload": greedyOffloadPlanner,
  checkmate: checkmatePlanner,
  moccasin: moccasinPlanner,
});

/**
 * The budget planner of that name; throws an Error listing the valid names otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(getBudgetPlanner("chen").name, "chen");
 * ```
 */
export function getBudgetPlanner(name: string): BudgetPlanner {
  if (Object.hasOwn(BUDGET_PLANNERS, name)) return BUDGET_PLANNERS[name];
  throw new Error(
    `unknown budget planner ${JSON.stringify(name)}; valid: ${
      Object.keys(BUDGET_PLANNERS).join(", ")
    }`,
  );
}
