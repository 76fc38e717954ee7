/**
 * How a failed run is named in every report: what ran on what, and the first
 * violation the judge found (or the error the planner threw).
 *
 * @module
 */
import { describeViolation } from "../simulator/describe_violation.ts";
import type { BenchRow } from "./record.ts";

/**
 * One line for a failed run; empty for a verified one.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tinyRows } from "./_tiny_rows_test_util.ts";
 * // the broken placer puts every buffer at offset 0
 * const [, , row] = await tinyRows(["broken"]);
 * assert.equal(
 *   failureText(row),
 *   'program+broken on tiny: overlap at step 0: "x" [0, 4) and "w" [0, 2) (+9 more)',
 * );
 * ```
 */
export function failureText(row: BenchRow): string {
  if (row.verified) return "";
  const why = row.error !== undefined
    ? `error: ${row.error}`
    : row.violation
    ? `${describeViolation(row.violation)}${
      (row.violationCount ?? 1) > 1 ? ` (+${row.violationCount! - 1} more)` : ""
    }`
    : "not verified";
  return `${row.planner} on ${row.name}: ${why}`;
}
