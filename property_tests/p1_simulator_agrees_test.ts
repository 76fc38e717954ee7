/**
 * Property 1, the judge against the oracle: on every plan, valid or not, the
 * simulator agrees with the naive pairwise verifier (overlap pairs, order
 * violations, out-of-capacity, misaligned and missing offsets, peak live,
 * arena); and `verifyPlacement` agrees with a pairwise check on buffer problems.
 */
import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { indexGraph } from "../graph/indexed_graph.ts";
import { verifyPlacement } from "../simulator/verify_placement.ts";
import { assertAgrees } from "./_agreement.ts";
import { naivePlacementCheck } from "./_naive_placement.ts";
import { propertyTest } from "./_property.ts";
import { simulatePlan } from "./_simulate_plan.ts";
import { arbBufferProblem } from "./arb_buffer_problem.ts";
import { arbDagGraph } from "./arb_dag_graph.ts";
import { arbPlan } from "./arb_plan.ts";
import { arbTrainingGraph } from "./arb_training_graph.ts";

const GRAPHS = [
  ["random DAGs", arbDagGraph({ maxOps: 14 })],
  ["training graphs", arbTrainingGraph({ maxLayers: 4 })],
] as const;

for (const [label, graphs] of GRAPHS) {
  propertyTest(
    `P1 simulator agrees with the naive verifier on random plans, valid or not (${label})`,
    { runs: 100 },
    () =>
      fc.property(arbPlan(graphs), ({ graph, plan }) => {
        assertAgrees(graph, plan, simulatePlan(indexGraph(graph), plan));
      }),
  );
}

propertyTest(
  "P1 simulator agrees with the naive verifier on ids named after Object.prototype members",
  {
    runs: 100,
  },
  () =>
    fc.property(arbPlan(arbDagGraph({ idStyle: "tricky", maxOps: 12 })), ({ graph, plan }) => {
      assertAgrees(graph, plan, simulatePlan(indexGraph(graph), plan));
    }),
);

propertyTest(
  "P1 verifyPlacement agrees with a pairwise check on random placements, valid or not",
  { runs: 100 },
  () =>
    fc.property(
      arbBufferProblem({ maxBuffers: 14, capacityPercent: 40 }),
      fc.array(fc.option(fc.nat(200), { freq: 20 }), { minLength: 14, maxLength: 14 }),
      fc.boolean(),
      (problem, picks, aligned) => {
        const align = aligned ? problem.alignment ?? 1 : 1;
        const offsets = Float64Array.from(
          problem.buffers,
          (_, i) => (picks[i] === null ? NaN : picks[i]! * align),
        );
        const r = verifyPlacement(problem, offsets);
        const naive = naivePlacementCheck(problem, offsets);
        const k = r.violationsByKind;
        assert.deepEqual({
          overlapPairs: k.overlap ?? 0,
          misaligned: k.misaligned ?? 0,
          missingOffsets: k.missing_offset ?? 0,
          outOfCapacity: k.out_of_capacity ?? 0,
          peakLive: r.peakLive,
          arena: r.arena,
        }, naive);
      },
    ),
);
