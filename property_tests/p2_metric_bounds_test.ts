/**
 * Property 2, the chain of metrics: for every plan, arena ≥ peak live ≥ the
 * trivial lower bound of graph/bounds (and every bound lowerBounds proves),
 * and the peak live of any order is at most the sum of all sizes. Run over
 * random valid orders, every registered scheduler (with every fast placer and
 * online allocator model) and every registered placer.
 */
import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { lowerBounds, trivialBound } from "../graph/bounds/mod.ts";
import { type IndexedGraph, indexGraph } from "../graph/indexed_graph.ts";
import { problemPeakLive } from "../graph/placement_problem.ts";
import { ALLOCATOR_NAMES } from "../simulator/allocator.ts";
import type { Report } from "../simulator/simulate.ts";
import { placeSchedule, problemOf } from "./_plan_with.ts";
import {
  budgetOf,
  fastPlacers,
  placerCases,
  PLANNER_OPTIONS,
  schedulerCases,
} from "./_planners.ts";
import { propertyTest } from "./_property.ts";
import { simulatePlan } from "./_simulate_plan.ts";
import { arbBufferProblem } from "./arb_buffer_problem.ts";
import { arbGraph } from "./arb_graph.ts";
import { arbPlan, VALID_STACKED } from "./arb_plan.ts";

/** Asserts trivial bound ≤ every proved bound ≤ peak live ≤ sum of sizes, and arena ≥ peak live. */
function assertChain(g: IndexedGraph, report: Report, context: string): void {
  const total = g.size.reduce((s, x) => s + x, 0);
  const trivial = trivialBound(g).bytes;
  assert.ok(
    report.arena >= report.peakLive,
    `${context}: arena ${report.arena} < peak live ${report.peakLive}`,
  );
  assert.ok(
    report.peakLive >= trivial,
    `${context}: peak live ${report.peakLive} < trivial bound ${trivial}`,
  );
  assert.ok(
    report.peakLive <= total,
    `${context}: peak live ${report.peakLive} > sum of sizes ${total}`,
  );
}

propertyTest(
  "P2 any valid order: arena ≥ peak live ≥ every lower bound, peak live ≤ sum of sizes (every allocator)",
  { runs: 100 },
  () =>
    fc.property(
      arbPlan(arbGraph({ maxOps: 14 }), VALID_STACKED),
      ({ graph, plan }) => {
        const g = indexGraph(graph);
        const best = lowerBounds(g, { kinds: ["trivial", "cut", "mincut", "split"] }).best;
        for (const a of ALLOCATOR_NAMES) {
          const report = simulatePlan(g, plan, a);
          assertChain(g, report, a);
          assert.ok(
            report.peakLive >= best,
            `${a}: peak live ${report.peakLive} < lower bound ${best}`,
          );
        }
      },
    ),
);

for (const s of schedulerCases()) {
  const budget = budgetOf(s);
  propertyTest(
    `P2 scheduler ${s.name}: arena ≥ peak live ≥ trivial bound, bound ≤ peak live ≤ sum of sizes`,
    { runs: budget.runs, timeCap: budget.timeCap },
    () =>
      fc.asyncProperty(
        arbGraph({ maxOps: budget.maxOps, maxLayers: budget.maxLayers, capOps: s.slow }),
        async (graph) => {
          const g = indexGraph(graph);
          const schedule = await s.planner.schedule(g, PLANNER_OPTIONS);
          if (schedule.bound !== undefined) {
            assert.ok(schedule.bound <= schedule.peakLive, `${s.name}: bound above its own peak`);
          }
          const order = Array.from(schedule.order, (v) => g.opIds[v]);
          for (const a of ALLOCATOR_NAMES) {
            if (a === "static") continue;
            assertChain(
              g,
              simulatePlan(g, { format: "memplan.plan/v1", order }, a),
              `${s.name} + ${a}`,
            );
          }
          for (const p of fastPlacers()) {
            const { plan, placement } = await placeSchedule(g, schedule, p.planner);
            const report = simulatePlan(g, plan);
            assertChain(g, report, `${s.name} + ${p.name}`);
            assert.ok(placement.arena >= schedule.peakLive, `${p.name}: arena below peak live`);
          }
        },
      ),
  );
}

for (const p of placerCases()) {
  const budget = budgetOf(p);
  propertyTest(
    `P2 placer ${p.name}: arena ≥ peak live, bound ≤ arena`,
    { runs: budget.runs, timeCap: budget.timeCap },
    () =>
      fc.asyncProperty(
        fc.oneof(
          arbBufferProblem({ maxBuffers: budget.maxBuffers }),
          arbGraph({ maxOps: budget.maxOps, maxLayers: budget.maxLayers, capOps: p.slow })
            .map((graph) => {
              const g = indexGraph(graph);
              return problemOf(g, Int32Array.from(g.opIds, (_, i) => i));
            }),
        ),
        async (problem) => {
          const r = await p.planner.place(problem, PLANNER_OPTIONS);
          const live = problemPeakLive(problem);
          assert.ok(r.arena >= live, `${p.name}: arena ${r.arena} < peak live ${live}`);
          if (r.bound !== undefined) assert.ok(r.bound <= r.arena, `${p.name}: bound above arena`);
        },
      ),
  );
}
