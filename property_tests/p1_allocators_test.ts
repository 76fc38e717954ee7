/**
 * Property 1 for every allocator model of `ALLOCATOR_NAMES`: replaying a valid
 * order with it gives a valid replay the naive verifier agrees with (for
 * `static`, a valid stacked layout; for the online models, the offsets they
 * choose, taken as a static plan).
 */
import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { indexGraph } from "../graph/indexed_graph.ts";
import { ALLOCATOR_NAMES } from "../simulator/allocator.ts";
import { assertAgrees } from "./_agreement.ts";
import { assertOnlineReplayValid } from "./_online_replay.ts";
import { propertyTest } from "./_property.ts";
import { simulatePlan } from "./_simulate_plan.ts";
import { arbGraph } from "./arb_graph.ts";
import { arbPlan, VALID_STACKED } from "./arb_plan.ts";

for (const name of ALLOCATOR_NAMES) {
  propertyTest(
    `P1 allocator ${name}: replays of valid orders are valid and agree with the naive verifier`,
    { runs: 100 },
    () =>
      fc.property(
        arbPlan(arbGraph({ maxOps: 14 }), VALID_STACKED),
        ({ graph, plan }) => {
          const g = indexGraph(graph);
          if (name === "static") {
            const report = simulatePlan(g, plan, "static");
            assert.ok(report.ok, JSON.stringify(report.violations));
            assertAgrees(graph, plan, report);
          } else assertOnlineReplayValid(graph, g, plan, name);
        },
      ),
  );
}
