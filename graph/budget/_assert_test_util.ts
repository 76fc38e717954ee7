/** Assertion helpers for the budget tests (node:assert has no "return the error"). */
import assert from "node:assert/strict";
import { InputError } from "../input_error.ts";

/**
 * Runs `f`, asserts it throws InputError, and returns it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseBudgetPlan } from "./budget_plan.ts";
 * const e = inputErrorOf(() => parseBudgetPlan({ format: "memplan.plan/v9" }, "p.json"));
 * assert.equal(e.problems[0].file, "p.json");
 * assert.throws(() => inputErrorOf(() => 1)); // nothing thrown: the assertion fails
 * ```
 */
export function inputErrorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof InputError, `expected InputError, got ${e}`);
    return e;
  }
  assert.fail("expected an InputError");
}
