/**
 * Property 4, planted faults: a valid plan from the planners, mutated one way
 * (an offset shifted into a conflicting neighbour, an op moved before one it
 * must follow, the capacity shrunk below the arena, a tensor grown into the
 * neighbour right above it), is rejected by the simulator with the right
 * violation kind, and the naive verifier agrees on the mutated plan.
 */
import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { indexGraph } from "../graph/indexed_graph.ts";
import { resolvePlan } from "../graph/plan.ts";
import { simulate } from "../simulator/simulate.ts";
import { assertAgrees } from "./_agreement.ts";
import { applyMutation } from "./_apply_mutation.ts";
import { assertValidReport } from "./_assert_valid.ts";
import { planWith } from "./_plan_with.ts";
import { FAST_BUDGET, placerCases, schedulerCases } from "./_planners.ts";
import { propertyTest } from "./_property.ts";
import { simulatePlan } from "./_simulate_plan.ts";
import { arbGraph } from "./arb_graph.ts";
import { arbMutation, EXPECTED_VIOLATION, MUTATION_KINDS } from "./arb_mutation.ts";

// Valid plans come from the fast planners: the mutation, not the planner, is under test here.
const schedulers = () => schedulerCases().filter((c) => !c.slow);
const placers = () => placerCases().filter((c) => !c.slow);

for (const kind of MUTATION_KINDS) {
  const expected = EXPECTED_VIOLATION[kind];
  propertyTest(
    `P4 mutation ${kind} is caught by the simulator as ${expected}`,
    { runs: FAST_BUDGET.runs },
    () =>
      fc.asyncProperty(
        arbGraph({ maxOps: FAST_BUDGET.maxOps, maxLayers: FAST_BUDGET.maxLayers }),
        fc.nat(),
        fc.nat(),
        arbMutation({ kinds: [kind] }),
        async (graph, si, pi, mutation) => {
          const s = schedulers()[si % schedulers().length];
          const p = placers()[pi % placers().length];
          const g = indexGraph(graph);
          const { plan } = await planWith(g, s.planner, p.planner);
          assertValidReport(simulatePlan(g, plan), `${s.name} + ${p.name}`);
          const mutated = applyMutation({ graph, plan }, mutation);
          fc.pre(mutated !== undefined);
          const g2 = indexGraph(mutated.graph);
          // Still consistent with its graph: only the simulator can tell it is wrong.
          const resolved = resolvePlan(g2, mutated.plan);
          const report = simulate(g2, { ...resolved, allocator: "static" });
          const kinds = report.violationsByKind;
          const context = `${s.name} + ${p.name}, ${mutated.change}: ${JSON.stringify(kinds)}`;
          assert.ok((kinds[expected] ?? 0) >= 1, `not caught as ${expected}: ${context}`);
          if (kind === "move-before-producer") {
            // Moving an op also moves lifetimes, so the kept offsets may overlap too;
            // without offsets the order is the only thing wrong.
            const orderOnly = { format: "memplan.plan/v1" as const, order: mutated.plan.order };
            const r = simulatePlan(g2, orderOnly);
            assert.deepEqual(Object.keys(r.violationsByKind), [expected], context);
          } else assert.deepEqual(Object.keys(kinds), [expected], context);
          assertAgrees(mutated.graph, mutated.plan, simulatePlan(g2, mutated.plan), context);
        },
      ),
  );
}
