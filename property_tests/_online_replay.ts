/**
 * Replaying an order with an online allocator model and turning the offsets
 * it chose into a static plan, so the naive verifier can judge them too.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import type { Graph, Plan } from "../graph/types.ts";
import type { AllocatorName } from "../simulator/allocator.ts";
import type { Report } from "../simulator/simulate.ts";
import { assertAgrees } from "./_agreement.ts";
import { simulatePlan } from "./_simulate_plan.ts";

/**
 * Replays `plan`'s order (its offsets ignored) with the online allocator
 * `name`, asserts the replay is valid, and asserts the naive verifier agrees
 * with the simulator on the allocator's offsets taken as a static plan.
 * Returns the online replay's report.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../graph/indexed_graph.ts";
 * import type { Graph } from "../graph/types.ts";
 * const graph: Graph = JSON.parse(await Deno.readTextFile("testdata/graphs/tiny.json"));
 * const g = indexGraph(graph);
 * const report = assertOnlineReplayValid(graph, g, { format: "memplan.plan/v1" }, "best-fit");
 * assert.equal(report.allocator, "best-fit");
 * ```
 */
export function assertOnlineReplayValid(
  graph: Graph,
  g: IndexedGraph,
  plan: Plan,
  name: Exclude<AllocatorName, "static">,
): Report {
  const orderOnly: Plan = { format: "memplan.plan/v1", graph: graph.name };
  if (plan.order) orderOnly.order = plan.order;
  const report = simulatePlan(g, orderOnly, name);
  assert.ok(report.ok, `allocator ${name}: ${JSON.stringify(report.violations)}`);
  const offsets: Record<string, number> = Object.create(null); // ids may be "__proto__"
  graph.tensors.forEach((t, i) => {
    if (t.size > 0) offsets[t.id] = report.offsets[i];
  });
  const asStatic = { ...orderOnly, offsets };
  assertAgrees(graph, asStatic, simulatePlan(g, asStatic), `offsets of allocator ${name}`);
  return report;
}
