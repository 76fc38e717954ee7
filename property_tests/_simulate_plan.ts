/**
 * Replays a raw plan (as a file holds it) with the simulator, without
 * `resolvePlan`: a plan with missing offsets is still replayed, so the
 * simulator and the naive verifier can be compared on it.
 *
 * @module
 */
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import type { Plan } from "../graph/types.ts";
import type { AllocatorName } from "../simulator/allocator.ts";
import { type Report, simulate } from "../simulator/simulate.ts";

/**
 * The simulator's report on `plan`: its order (default program order), its
 * offsets (static allocator; NaN where absent) or else `allocator`, and its capacity.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../graph/indexed_graph.ts";
 * import type { Plan } from "../graph/types.ts";
 * const g = indexGraph(JSON.parse(await Deno.readTextFile("testdata/graphs/tiny.json")));
 * const plan: Plan = JSON.parse(await Deno.readTextFile("testdata/plans/tiny.valid.json"));
 * assert.equal(simulatePlan(g, plan).ok, true);
 * ```
 */
export function simulatePlan(g: IndexedGraph, plan: Plan, allocator?: AllocatorName): Report {
  const order = plan.order ? Int32Array.from(plan.order, (id) => g.opIndex.get(id)!) : undefined;
  let offsets: Float64Array | undefined;
  if (plan.offsets) {
    offsets = new Float64Array(g.tensorCount).fill(NaN);
    for (const [id, o] of Object.entries(plan.offsets)) offsets[g.tensorIndex.get(id)!] = o;
  }
  return simulate(g, {
    order,
    offsets,
    capacity: plan.capacity,
    allocator: allocator ?? (offsets ? "static" : "best-fit"),
    violationCap: 10,
  });
}
