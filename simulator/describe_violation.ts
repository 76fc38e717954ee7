/**
 * The wording of violations: one line each, the same in every report, CLI
 * message and benchmark row.
 *
 * @module
 */
import type { Violation } from "./violations.ts";

/**
 * One line describing a violation.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(
 *   describeViolation({ kind: "missing_offset", tensor: "a" }),
 *   'missing_offset: tensor "a" has no offset',
 * );
 * ```
 */
export function describeViolation(v: Violation): string {
  const q = JSON.stringify;
  switch (v.kind) {
    case "overlap":
      return `overlap at step ${v.step}: ${q(v.tensors[0])} [${v.ranges[0][0]}, ${
        v.ranges[0][1]
      }) and ${q(v.tensors[1])} [${v.ranges[1][0]}, ${v.ranges[1][1]})`;
    case "out_of_capacity":
      return `out_of_capacity: ${q(v.tensor)} occupies [${v.range[0]}, ${
        v.range[1]
      }), above capacity ${v.capacity}`;
    case "misaligned":
      return `misaligned: ${q(v.tensor)} at offset ${v.offset}, not a multiple of ${v.alignment}`;
    case "missing_offset":
      return `missing_offset: tensor ${q(v.tensor)} has no offset`;
    case "not_topological":
      return v.edge === "data"
        ? `not_topological: op ${q(v.op)} at step ${v.step} reads ${q(v.tensor)}, produced by ${
          q(v.mustFollow)
        } at step ${v.mustFollowStep}`
        : `not_topological: op ${q(v.op)} at step ${v.step} must run after ${
          q(v.mustFollow)
        } (step ${v.mustFollowStep})`;
    case "not_permutation":
      return `not_permutation: op ${q(v.op)} is ${v.problem}${
        v.position !== undefined ? ` (order[${v.position}])` : ""
      }`;
  }
}
