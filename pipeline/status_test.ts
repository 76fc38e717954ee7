import assert from "node:assert/strict";
import { combineStatus } from "./status.ts";

Deno.test("combineStatus: the worse half wins; optimal only when both are", () => {
  assert.equal(combineStatus("optimal", "optimal"), "optimal");
  assert.equal(combineStatus("optimal", "feasible"), "feasible");
  assert.equal(combineStatus("timeout", "optimal"), "timeout");
  assert.equal(combineStatus("feasible", "infeasible"), "infeasible");
  assert.equal(combineStatus("error", "timeout"), "error");
});
