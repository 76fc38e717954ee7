/** Assertion helpers for the budget tests (node:assert has no "return the error"). */
import assert from "node:assert/strict";
import { InputError } from "../input_error.ts";

/** Runs `f`, asserts it throws InputError, and returns it. */
export function inputErrorOf(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    assert.ok(e instanceof InputError, `expected InputError, got ${e}`);
    return e;
  }
  assert.fail("expected an InputError");
}
