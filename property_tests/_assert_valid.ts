/**
 * Asserting a simulator report is valid, with the violations in the message.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Report } from "../simulator/simulate.ts";

/**
 * Fails unless the replay found no violation; the message lists what it found.
 *
 * @example
 * ```ts
 * assertValidReport(simulatePlan(g, plan), "greedy + greedy-size");
 * ```
 */
export function assertValidReport(report: Report, context: string): void {
  assert.ok(
    report.ok,
    `${context}: the simulator rejects the plan: ${JSON.stringify(report.violationsByKind)} ${
      JSON.stringify(report.violations.slice(0, 5))
    }`,
  );
}
