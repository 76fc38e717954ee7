/**
 * Planner bugs: what in a replay of our own plan is our fault. Over capacity
 * is an outcome (nothing fitted in time); any other violation means a planner
 * emitted an invalid plan, which is never written out.
 *
 * @module
 */
import { describeViolation } from "../simulator/describe_violation.ts";
import type { Violation } from "../simulator/violations.ts";

/**
 * The violations that are a planner's fault: all but `out_of_capacity`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { plannerBugs } from "./planner_bug.ts";
 * assert.deepEqual(plannerBugs([{ kind: "missing_offset", tensor: "a" }]).length, 1);
 * ```
 */
export function plannerBugs(violations: readonly Violation[]): Violation[] {
  return violations.filter((v) => v.kind !== "out_of_capacity");
}

/**
 * The loud message for a planner that emitted an invalid plan or placement (a
 * bug in memplan, never written out), with its first ten violations.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { formatPlannerBug } from "./planner_bug.ts";
 * const text = formatPlannerBug("the x placer", "placement", [{ kind: "missing_offset", tensor: "a" }]);
 * assert.equal(text, 'memplan: the x placer produced an invalid placement:\n  - missing_offset: tensor "a" has no offset');
 * ```
 */
export function formatPlannerBug(who: string, what: string, violations: Violation[]): string {
  return [
    `memplan: ${who} produced an invalid ${what}:`,
    ...violations.slice(0, 10).map((v) => `  - ${describeViolation(v)}`),
  ].join("\n");
}

/**
 * What to say when nothing within the capacity was found: when the capacity is
 * below a proved lower bound no search could have succeeded, and the message
 * says so instead of blaming time.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { notFoundMessage } from "./planner_bug.ts";
 * assert.match(notFoundMessage("plan", 10, 22), /no plan within capacity 10 found in time/);
 * assert.match(notFoundMessage("plan", 10, 22, 20), /impossible: below the lower bound 20/);
 * ```
 */
export function notFoundMessage(
  what: string,
  capacity: number | undefined,
  arena: number,
  lowerBound?: number,
): string {
  const n = (x: number | undefined) => x?.toLocaleString("en-US");
  if (capacity !== undefined && lowerBound !== undefined && capacity < lowerBound) {
    return `memplan: capacity ${n(capacity)} is impossible: below the lower bound ` +
      `${n(lowerBound)} of any ${what}; nothing written`;
  }
  return `memplan: no ${what} within capacity ${n(capacity)} found in time ` +
    `(best arena ${n(arena)}); nothing written`;
}
