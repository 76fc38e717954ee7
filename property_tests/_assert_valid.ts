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
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../graph/indexed_graph.ts";
 * import type { Plan } from "../graph/types.ts";
 * import { simulatePlan } from "./_simulate_plan.ts";
 * const g = indexGraph(JSON.parse(await Deno.readTextFile("testdata/graphs/tiny.json")));
 * const plan: Plan = JSON.parse(await Deno.readTextFile("testdata/plans/tiny.valid.json"));
 * assertValidReport(simulatePlan(g, plan), "tiny.valid.json");
 * const overlap: Plan = JSON.parse(await Deno.readTextFile("testdata/plans/tiny.overlap1.json"));
 * assert.throws(() => assertValidReport(simulatePlan(g, overlap), "tiny.overlap1.json"));
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
