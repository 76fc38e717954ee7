/**
 * Property 7, two edges each planted bug hid behind: a placement that ends
 * exactly at the capacity passes and one byte less of capacity puts exactly
 * the buffers reaching above it out of capacity (the simulator and the
 * placement verifier against a naive per-buffer check); and on every plan,
 * under every allocator, fragmentation lies in [0, 1) and equals 1 − L/H.
 */
import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { type IndexedGraph, indexGraph } from "../graph/indexed_graph.ts";
import type { Graph, PlacementProblem, Plan } from "../graph/types.ts";
import { ALLOCATOR_NAMES } from "../simulator/allocator.ts";
import { simulate } from "../simulator/simulate.ts";
import { verifyPlacement } from "../simulator/verify_placement.ts";
import { naivePlacementCheck } from "./_naive_placement.ts";
import { problemOf } from "./_plan_with.ts";
import { fastPlacers, PLANNER_OPTIONS } from "./_planners.ts";
import { propertyTest } from "./_property.ts";
import { simulatePlan } from "./_simulate_plan.ts";
import { arbBufferProblem } from "./arb_buffer_problem.ts";
import { arbGraph } from "./arb_graph.ts";
import { arbPlan, VALID_STACKED } from "./arb_plan.ts";

/** Tensor ids above `capacity` by the naive rule: positive size and offset + size > capacity. */
function naiveAbove(p: PlacementProblem, offsets: ArrayLike<number>, capacity: number): string[] {
  return p.buffers.filter((b, i) => b.size > 0 && offsets[i] + b.size > capacity).map((b) => b.id)
    .sort();
}

/** Asserts the capacity verdicts of a placement at its arena and one byte below it. */
function assertCapacityEdge(
  p: PlacementProblem,
  offsets: Float64Array,
  arena: number,
  check: (capacity: number) => { count: number; ids: string[] },
  context: string,
): void {
  const at = check(arena);
  assert.equal(at.count, 0, `${context}: capacity = arena ${arena} is out_of_capacity`);
  assert.equal(naivePlacementCheck(p, offsets, arena).outOfCapacity, 0);
  if (arena === 0) return;
  const below = check(arena - 1);
  const naive = naiveAbove(p, offsets, arena - 1);
  assert.ok(naive.length > 0, `${context}: the arena's top buffer is above arena − 1`);
  assert.equal(below.count, naive.length, `${context}: out_of_capacity at ${arena - 1}`);
  assert.equal(naivePlacementCheck(p, offsets, arena - 1).outOfCapacity, naive.length);
  // The log keeps the first 100; those it keeps are the naive ones.
  for (const id of below.ids) assert.ok(naive.includes(id), `${context}: ${id} is not above`);
}

propertyTest(
  "P7 buffer problems: ending at the capacity passes, one byte over is out_of_capacity (naive check agrees)",
  { runs: 200 },
  () =>
    fc.property(
      arbBufferProblem({ maxBuffers: 14 }).chain((problem) =>
        fc.tuple(
          fc.constant(problem),
          // Any offsets (overlaps allowed: the capacity check is per buffer).
          fc.array(fc.nat(40), {
            minLength: problem.buffers.length,
            maxLength: problem.buffers.length,
          }),
        )
      ),
      ([problem, drawn]) => {
        const align = problem.alignment ?? 1;
        const offsets = Float64Array.from(drawn, (o) => o * align);
        const arena = naivePlacementCheck(problem, offsets, Infinity).arena;
        assertCapacityEdge(problem, offsets, arena, (capacity) => {
          const r = verifyPlacement(problem, offsets, { capacity });
          const ids = r.violations.flatMap((v) => v.kind === "out_of_capacity" ? [v.tensor] : []);
          assert.equal(r.arena, arena, "verifier's arena");
          return { count: r.violationsByKind.out_of_capacity ?? 0, ids };
        }, "verifyPlacement");
      },
    ),
);

/** Asserts the capacity edge of a graph's replay under the given order and offsets. */
function assertGraphEdge(g: IndexedGraph, order: Int32Array, offsets: Float64Array): void {
  const p = problemOf(g, order);
  const arena = simulate(g, { order, offsets, allocator: "static" }).arena;
  assertCapacityEdge(p, offsets, arena, (capacity) => {
    const r = simulate(g, { order, offsets, allocator: "static", capacity });
    const ids = r.violations.flatMap((v) => v.kind === "out_of_capacity" ? [v.tensor] : []);
    return { count: r.violationsByKind.out_of_capacity ?? 0, ids };
  }, "simulate");
}

propertyTest(
  "P7 graph plans: ending at the capacity passes the simulator, one byte over is out_of_capacity",
  { runs: 100 },
  () =>
    fc.asyncProperty(arbGraph({ maxOps: 14 }), async (graph) => {
      const g = indexGraph(graph);
      const order = Int32Array.from({ length: g.opCount }, (_, i) => i);
      for (const { planner } of fastPlacers()) {
        const placed = await planner.place(problemOf(g, order), PLANNER_OPTIONS);
        assertGraphEdge(g, order, placed.offsets);
      }
    }),
);

/** Asserts fragmentation ∈ [0, 1) and = 1 − L/H (0 when H = 0). */
function assertFragmentation(r: { arena: number; peakLive: number; fragmentation: number }) {
  const { arena: h, peakLive: l, fragmentation: f } = r;
  assert.ok(f >= 0 && f < 1, `fragmentation ${f} outside [0, 1) (L ${l}, H ${h})`);
  const expected = h === 0 ? 0 : 1 - l / h;
  assert.ok(Math.abs(f - expected) <= 1e-12, `fragmentation ${f} ≠ 1 − L/H = ${expected}`);
}

/** Asserts the fragmentation of every replay of `plan` and of its placement. */
function assertEveryFragmentation(graph: Graph, plan: Plan): void {
  const g = indexGraph(graph);
  for (const allocator of ALLOCATOR_NAMES) assertFragmentation(simulatePlan(g, plan, allocator));
  const order = plan.order
    ? Int32Array.from(plan.order, (id) => g.opIndex.get(id)!)
    : Int32Array.from(g.opIds, (_, i) => i);
  const offsets = Float64Array.from(g.tensorIds, (id) => plan.offsets![id] ?? NaN);
  assertFragmentation(verifyPlacement(problemOf(g, order), offsets));
}

propertyTest(
  "P7 every plan, every allocator: fragmentation in [0, 1) and equal to 1 − L/H",
  { runs: 100 },
  () =>
    fc.property(arbPlan(arbGraph({ maxOps: 14 }), VALID_STACKED), ({ graph, plan }) => {
      assertEveryFragmentation(graph, plan);
    }),
);
