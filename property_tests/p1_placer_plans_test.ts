/**
 * Property 1 for every registered placer: placements of graphs under random
 * valid orders pass the simulator (and the naive verifier agrees), and
 * placements of buffer problems (random, with or without a capacity, and
 * tight ones) pass `verifyPlacement` (and a pairwise check agrees). A status
 * of `optimal` or `feasible` means the capacity is respected.
 */
import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { indexGraph } from "../graph/indexed_graph.ts";
import { buildPlan } from "../graph/plan.ts";
import type { PlacementProblem } from "../graph/types.ts";
import type { Placer } from "../solver/types.ts";
import { verifyPlacement } from "../simulator/verify_placement.ts";
import { assertAgrees } from "./_agreement.ts";
import { assertValidReport } from "./_assert_valid.ts";
import { naivePlacementCheck } from "./_naive_placement.ts";
import { problemOf } from "./_plan_with.ts";
import { budgetOf, placerCases, PLANNER_OPTIONS } from "./_planners.ts";
import { propertyTest } from "./_property.ts";
import { simulatePlan } from "./_simulate_plan.ts";
import { arbBufferProblem } from "./arb_buffer_problem.ts";
import { arbGraph } from "./arb_graph.ts";
import { arbPlan } from "./arb_plan.ts";
import { arbTightProblem } from "./arb_tight_problem.ts";

/** Places `problem` and asserts the placement is valid and its result consistent. */
async function assertPlacesValidly(
  name: string,
  placer: Placer,
  problem: PlacementProblem,
): Promise<void> {
  const r = await placer.place(problem, PLANNER_OPTIONS);
  assert.equal(r.offsets.length, problem.buffers.length, `${name}: one offset per buffer`);
  const report = verifyPlacement(problem, r.offsets, { capacity: Infinity });
  const naive = naivePlacementCheck(problem, r.offsets, Infinity);
  const k = report.violationsByKind;
  assert.ok(report.ok, `${name}: ${JSON.stringify(report.violations.slice(0, 5))}`);
  assert.deepEqual(
    [k.overlap ?? 0, k.misaligned ?? 0, k.missing_offset ?? 0],
    [naive.overlapPairs, naive.misaligned, naive.missingOffsets],
  );
  assert.equal(r.arena, report.arena, `${name}: reported arena`);
  const fits = problem.capacity === undefined || r.arena <= problem.capacity;
  if (r.status === "optimal" || r.status === "feasible") {
    assert.ok(fits, `${name}: status ${r.status}, arena ${r.arena} > capacity ${problem.capacity}`);
  } else if (r.status === "infeasible") {
    assert.ok(!fits, `${name}: says infeasible, but its arena ${r.arena} fits ${problem.capacity}`);
  }
}

for (const p of placerCases()) {
  const budget = budgetOf(p);
  propertyTest(
    `P1 placer ${p.name}: plans for random valid orders pass the simulator and agree with the naive verifier`,
    { runs: budget.runs, timeCap: budget.timeCap },
    () =>
      fc.asyncProperty(
        arbPlan(arbGraph({ maxOps: budget.maxOps, maxLayers: budget.maxLayers, capOps: p.slow }), {
          orderKinds: ["absent", "topological"],
          offsetKinds: ["none"],
          capacityPercent: 0,
        }),
        async ({ graph, plan: orderPlan }) => {
          const g = indexGraph(graph);
          const order = orderPlan.order
            ? Int32Array.from(orderPlan.order, (id) => g.opIndex.get(id)!)
            : Int32Array.from(g.opIds, (_, i) => i);
          const placement = await p.planner.place(problemOf(g, order), PLANNER_OPTIONS);
          const plan = buildPlan(g, { order, offsets: placement.offsets });
          const report = simulatePlan(g, plan);
          assertValidReport(report, p.name);
          assertAgrees(graph, plan, report, p.name);
          assert.equal(placement.arena, report.arena, `${p.name}: reported arena`);
        },
      ),
  );
  propertyTest(
    `P1 placer ${p.name}: placements of buffer problems pass verifyPlacement and a pairwise check`,
    { runs: budget.runs, timeCap: budget.timeCap },
    () =>
      fc.asyncProperty(
        fc.oneof(
          arbBufferProblem({ maxBuffers: budget.maxBuffers, capacityPercent: 30 }),
          arbTightProblem({ maxBuffers: budget.maxBuffers }).map((t) => t.problem),
        ),
        (problem) => assertPlacesValidly(p.name, p.planner, problem),
      ),
  );
}
