/**
 * Property 1 for every registered scheduler: its order, placed by every fast
 * placer and replayed by every online allocator model, passes the simulator,
 * and the naive verifier agrees with the simulator on each plan. The
 * scheduler's own `peakLive` is the peak the simulator measures.
 */
import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { indexGraph } from "../graph/indexed_graph.ts";
import { ALLOCATOR_NAMES } from "../simulator/allocator.ts";
import { assertAgrees } from "./_agreement.ts";
import { assertValidReport } from "./_assert_valid.ts";
import { assertOnlineReplayValid } from "./_online_replay.ts";
import { placeSchedule } from "./_plan_with.ts";
import { budgetOf, fastPlacers, PLANNER_OPTIONS, schedulerCases } from "./_planners.ts";
import { propertyTest } from "./_property.ts";
import { simulatePlan } from "./_simulate_plan.ts";
import { arbGraph } from "./arb_graph.ts";

for (const s of schedulerCases()) {
  const budget = budgetOf(s);
  propertyTest(
    `P1 scheduler ${s.name}: plans pass the simulator and agree with the naive verifier`,
    { runs: budget.runs, timeCap: budget.timeCap },
    () =>
      fc.asyncProperty(
        arbGraph({ maxOps: budget.maxOps, maxLayers: budget.maxLayers, capOps: s.slow }),
        async (graph) => {
          const g = indexGraph(graph);
          const schedule = await s.planner.schedule(g, PLANNER_OPTIONS);
          const orderOnly = {
            format: "memplan.plan/v1" as const,
            order: Array.from(schedule.order, (v) => g.opIds[v]),
          };
          const replay = simulatePlan(g, orderOnly);
          assertValidReport(replay, `${s.name} order`);
          assert.equal(schedule.peakLive, replay.peakLive, `${s.name}: reported peak live`);
          for (const p of fastPlacers()) {
            const { plan } = await placeSchedule(g, schedule, p.planner);
            const report = simulatePlan(g, plan);
            assertValidReport(report, `${s.name} + ${p.name}`);
            assertAgrees(graph, plan, report, `${s.name} + ${p.name}`);
          }
          for (const a of ALLOCATOR_NAMES) {
            if (a !== "static") assertOnlineReplayValid(graph, g, orderOnly, a);
          }
        },
      ),
  );
}
