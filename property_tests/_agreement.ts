/**
 * Property 1's oracle check: the simulator and the naive pairwise verifier
 * must agree on every count and metric of a plan, valid or not.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { Graph, Plan } from "../graph/types.ts";
import { naiveVerify } from "../simulator/naive_verify.ts";
import type { Report } from "../simulator/simulate.ts";

/** The numbers both verifiers report, side by side. */
export interface Verdicts {
  simulator: Record<string, number | boolean>;
  naive: Record<string, number | boolean>;
}

/**
 * The simulator's report and the naive verdict in one shape.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../graph/indexed_graph.ts";
 * import type { Graph, Plan } from "../graph/types.ts";
 * import { simulatePlan } from "./_simulate_plan.ts";
 * const graph: Graph = JSON.parse(await Deno.readTextFile("testdata/graphs/tiny.json"));
 * const plan: Plan = JSON.parse(await Deno.readTextFile("testdata/plans/tiny.overlap1.json"));
 * const { simulator, naive } = verdicts(graph, plan, simulatePlan(indexGraph(graph), plan));
 * assert.deepEqual(simulator, naive);
 * assert.equal(simulator.overlapPairs, 1); // b at 13 overlaps a [6, 14)
 * ```
 */
export function verdicts(graph: Graph, plan: Plan, report: Report): Verdicts {
  const n = naiveVerify(graph, plan);
  const k = report.violationsByKind;
  return {
    simulator: {
      valid: report.ok,
      overlapPairs: k.overlap ?? 0,
      orderViolations: k.not_topological ?? 0,
      outOfCapacity: k.out_of_capacity ?? 0,
      misaligned: k.misaligned ?? 0,
      missingOffsets: k.missing_offset ?? 0,
      peakLive: report.peakLive,
      ...(plan.offsets ? { arena: report.arena } : {}),
    },
    naive: {
      valid: n.valid,
      overlapPairs: n.overlapPairs,
      orderViolations: n.orderViolations,
      outOfCapacity: n.outOfCapacity,
      misaligned: n.misaligned,
      missingOffsets: n.missingOffsets,
      peakLive: n.peakLive,
      ...(plan.offsets ? { arena: n.arena } : {}),
    },
  };
}

/**
 * Asserts the simulator (its report on `plan`, replayed with the plan's own
 * offsets if it has any) agrees with the naive verifier on: validity, overlap
 * pairs, order violations, out-of-capacity, misaligned and missing offsets,
 * peak live and (with offsets) arena.
 *
 * @example
 * ```ts
 * import { indexGraph } from "../graph/indexed_graph.ts";
 * import type { Graph, Plan } from "../graph/types.ts";
 * import { simulatePlan } from "./_simulate_plan.ts";
 * const graph: Graph = JSON.parse(await Deno.readTextFile("testdata/graphs/tiny.json"));
 * const plan: Plan = JSON.parse(await Deno.readTextFile("testdata/plans/tiny.valid.json"));
 * assertAgrees(graph, plan, simulatePlan(indexGraph(graph), plan));
 * ```
 */
export function assertAgrees(graph: Graph, plan: Plan, report: Report, context = ""): void {
  const { simulator, naive } = verdicts(graph, plan, report);
  assert.deepEqual(
    simulator,
    naive,
    `simulator and naive verifier disagree${context ? ` (${context})` : ""}`,
  );
}
