import assert from "node:assert/strict";
import { finishReserve, solverBudget } from "./time_budget.ts";

Deno.test("solverBudget: the limit less time used and the finishing reserve, never negative", () => {
  const now = performance.now();
  const b = solverBudget(10, now, 1000);
  assert.ok(b <= 10 - finishReserve(1000) && b > 9, String(b));
  assert.equal(solverBudget(1, now - 5000, 10), 0);
  assert.equal(solverBudget(Infinity, now, 1e6), Infinity);
  assert.ok(finishReserve(1e6) > finishReserve(1e3));
  assert.ok(finishReserve(1e6, 2) > finishReserve(1e6, 0), "a slow read reserves more");
  assert.ok(solverBudget(10, now, 1e6, 1) < solverBudget(10, now, 1e6, 0));
});
