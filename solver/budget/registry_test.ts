import assert from "node:assert/strict";
import { BUDGET_PLANNER_TABLE, BUDGET_PLANNERS, budgetPlannerNames } from "./registry.ts";

Deno.test("budget registry: every key names its planner, and the derived views agree", () => {
  for (const [name, entry] of Object.entries(BUDGET_PLANNER_TABLE)) {
    assert.equal(entry.planner.name, name);
    assert.ok(entry.planner.description.length > 0, name);
    assert.equal(BUDGET_PLANNERS[name], entry.planner);
  }
  assert.deepEqual(budgetPlannerNames(), Object.keys(BUDGET_PLANNERS));
  // Every trait splits the table: the filters are not vacuous.
  assert.deepEqual(
    [...budgetPlannerNames({ cost: "heuristic" }), ...budgetPlannerNames({ cost: "solver" })]
      .sort(),
    budgetPlannerNames().sort(),
  );
  assert.ok(budgetPlannerNames({ exact: true }).length > 0);
  assert.ok(budgetPlannerNames({ exact: false }).length > 0);
});
