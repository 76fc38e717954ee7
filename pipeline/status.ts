/**
 * The status of a plan made in two stages, from the statuses of both.
 *
 * @module
 */

/**
 * The combined status of a scheduler's and a placer's statuses: the worst of
 * the two (`error` < `infeasible` < `timeout` < `feasible` < `optimal`);
 * `optimal` only when both are.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { combineStatus } from "./status.ts";
 * assert.equal(combineStatus("optimal", "feasible"), "feasible");
 * ```
 */
export function combineStatus(schedule: string, place: string): string {
  for (const s of ["error", "infeasible", "timeout", "feasible"]) {
    if (schedule === s || place === s) return s;
  }
  return schedule === "optimal" && place === "optimal" ? "optimal" : "feasible";
}
