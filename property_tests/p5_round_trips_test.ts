/**
 * Property 5, round trips: graph, plan and CSV files read back to the same
 * values (ids with commas, quotes, line breaks and `Object.prototype` names
 * included), and a graph whose tensors are listed in another order plans to
 * the same peaks (program order and every registered scheduler).
 */
import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { indexGraph } from "../graph/indexed_graph.ts";
import { programOrderPeak } from "../graph/metrics.ts";
import { formatMinimallocCsv, parseMinimallocCsv } from "../graph/minimalloc_csv.ts";
import { buildPlan, parsePlan, resolvePlan } from "../graph/plan.ts";
import type { Graph, PlacementProblem } from "../graph/types.ts";
import { denseView } from "./_dense_view.ts";
import { budgetOf, PLANNER_OPTIONS, schedulerCases } from "./_planners.ts";
import { propertyTest } from "./_property.ts";
import { topologicalOrderByPriority } from "../testkit/topological_order.ts";
import { arbBufferProblem } from "./arb_buffer_problem.ts";
import { arbDagGraph } from "./arb_dag_graph.ts";
import { arbGraph } from "./arb_graph.ts";

const trickyGraphs = () =>
  fc.oneof(arbDagGraph({ idStyle: "tricky" }), arbGraph({ maxOps: 12, maxLayers: 3 }));

propertyTest(
  "P5 graph JSON round trip: same value, same index",
  { runs: 100 },
  () =>
    fc.property(trickyGraphs(), (graph) => {
      const back = JSON.parse(JSON.stringify(graph));
      assert.deepEqual(back, graph);
      assert.deepEqual(denseView(indexGraph(back)), denseView(indexGraph(graph)));
    }),
);

propertyTest(
  "P5 plan round trip: buildPlan, JSON, parsePlan, resolvePlan give the same order, offsets, capacity",
  { runs: 100 },
  () =>
    fc.property(
      trickyGraphs().chain((graph) =>
        fc.record({
          graph: fc.constant(graph),
          priorities: fc.array(fc.nat(), {
            minLength: graph.ops.length,
            maxLength: graph.ops.length,
          }),
          offsets: fc.array(fc.nat(1e6), {
            minLength: graph.tensors.length,
            maxLength: graph.tensors.length,
          }),
          capacity: fc.option(fc.maxSafeNat()),
        })
      ),
      ({ graph, priorities, offsets, capacity }) => {
        const g = indexGraph(graph);
        const order = Int32Array.from(
          topologicalOrderByPriority(graph, priorities),
          (id) => g.opIndex.get(id)!,
        );
        const dense = Float64Array.from(offsets, (o, t) => (g.size[t] > 0 ? o * g.alignment : NaN));
        const plan = buildPlan(g, {
          order,
          offsets: dense,
          ...(capacity === null ? {} : { capacity }),
        });
        const back = resolvePlan(g, parsePlan(JSON.parse(JSON.stringify(plan)), "plan.json"));
        assert.deepEqual(back.order, order);
        assert.deepEqual(back.offsets, dense);
        assert.equal(back.capacity, capacity ?? undefined);
      },
    ),
);

/** Formats and parses back a problem, asserting the buffers come back equal. */
function assertCsvRoundTrip(problem: PlacementProblem, offsets?: number[]): void {
  // Up to the last exact byte: offset + size at most 2^53 - 1 (FORMAT.md).
  const given = offsets?.slice(0, problem.buffers.length).map((o, i) =>
    Math.min(o, Number.MAX_SAFE_INTEGER - problem.buffers[i].size)
  );
  const text = formatMinimallocCsv(problem, given);
  const back = parseMinimallocCsv(text, "p.csv");
  const expected = problem.buffers.map((b, i) => (given ? { ...b, offset: given[i] } : { ...b }));
  assert.deepEqual(back.buffers, expected, text);
}

propertyTest(
  "P5 CSV round trip: formatMinimallocCsv then parseMinimallocCsv gives the same buffers",
  { runs: 100 },
  () =>
    fc.property(
      arbBufferProblem({ idStyle: "tricky-unpadded", maxBuffers: 20 }),
      fc.option(fc.array(fc.maxSafeNat(), { minLength: 20, maxLength: 20 })),
      (problem, offsets) => assertCsvRoundTrip(problem, offsets ?? undefined),
    ),
);

propertyTest(
  "P5 CSV round trip keeps ids with spaces at either end",
  {
    runs: 100,
  },
  () =>
    fc.property(
      arbBufferProblem({ idStyle: "tricky", minBuffers: 9, maxBuffers: 20 }),
      (problem) => assertCsvRoundTrip(problem),
    ),
);

/** `graph` with its tensors listed in the order of `keys` (ops untouched). */
function shuffleTensors(graph: Graph, keys: number[]): Graph {
  const tensors = graph.tensors.map((t, i) => ({ t, k: keys[i % keys.length] ^ i }))
    .sort((a, b) => a.k - b.k).map((x) => x.t);
  return { ...graph, tensors };
}

for (const s of schedulerCases()) {
  const budget = budgetOf(s);
  propertyTest(
    `P5 shuffled tensors plan to the same peaks (program order and scheduler ${s.name})`,
    { runs: budget.runs, timeCap: budget.timeCap },
    () =>
      fc.asyncProperty(
        arbGraph({ maxOps: budget.maxOps, maxLayers: budget.maxLayers, capOps: s.slow }),
        fc.array(fc.nat(), { minLength: 1, maxLength: 40 }),
        async (graph, keys) => {
          const a = indexGraph(graph), b = indexGraph(shuffleTensors(graph, keys));
          assert.equal(programOrderPeak(b).bytes, programOrderPeak(a).bytes, "program order");
          const ra = await s.planner.schedule(a, PLANNER_OPTIONS);
          const rb = await s.planner.schedule(b, PLANNER_OPTIONS);
          // A search cut short by its time limit may stop at different orders.
          if (ra.status === "timeout" || rb.status === "timeout") return;
          assert.equal(rb.peakLive, ra.peakLive, `${s.name}: ${ra.status} / ${rb.status}`);
        },
      ),
  );
}
