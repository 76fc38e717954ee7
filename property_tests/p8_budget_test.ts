/**
 * Property 8, plans under a memory budget, over every registered budget
 * planner: a plan at any budget verifies and fits it, "impossible" only below
 * the bound; the exact planner's optimum equals brute force on tiny graphs and
 * never drops when the budget tightens; planted faults in verified recompute
 * plans (a missing input, a double update, an overlap) are caught.
 */
import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { EVENT, type Events, residencies } from "../graph/budget/events.ts";
import { recomputableOps } from "../graph/budget/recompute_rules.ts";
import { type IndexedGraph, indexGraph } from "../graph/indexed_graph.ts";
import { programOrder } from "../graph/lifetimes.ts";
import { replayBudgetPlan } from "../simulator/budget/replay.ts";
import { analyseBudget } from "../solver/budget/analysis.ts";
import { planCheckmate } from "../solver/budget/checkmate.ts";
import { measureEvents } from "../solver/budget/measure.ts";
import { planUnderBudget } from "../solver/budget/plan_budget.ts";
import { BUDGET_PLANNERS } from "../solver/budget/registry.ts";
import { bruteForceCost, bruteForcePlans } from "../solver/budget/_brute_force_test_util.ts";
import { resolveBudgetPlan } from "../graph/budget/budget_plan.ts";
import { runEvents } from "../graph/budget/events.ts";
import { propertyTest } from "./_property.ts";
import { arbTrainingGraph } from "./arb_training_graph.ts";
import { arbChainGraph } from "./arb_chain_graph.ts";

/**
 * Training graphs (random training steps, and deep chains where recompute
 * pays) and a budget drawn between the bound and the program-order peak.
 */
const graphAndBudget = (maxLayers: number, chainsOnly = false) =>
  fc.tuple(
    chainsOnly ? arbChainGraph(maxLayers + 2) : fc.oneof(
      arbTrainingGraph({ maxLayers }).map((raw) => indexGraph(raw)),
      arbChainGraph(maxLayers + 2),
    ),
    // Integers, not doubles: fast-check's doubles cluster at the ends of the range.
    fc.integer({ min: chainsOnly ? 400 : -100, max: 1050 }).map((x) => x / 1000),
  ).map(([g, f]) => {
    const a = analyseBudget(g);
    const peak = measureEvents(a, runEvents(programOrder(g))).peakLive;
    return { g, budget: Math.max(0, Math.floor(a.bound + f * (peak - a.bound))) };
  });

function replay(g: IndexedGraph, plan: unknown) {
  const rp = resolveBudgetPlan(g, plan as never);
  return replayBudgetPlan(g, rp.events, rp.residencies, {
    offsets: rp.offsets,
    capacity: rp.capacity,
  });
}

/** Verified plans that recompute or offload, per planner: the properties must exercise the judge. */
const exercised: Record<string, number> = {};

for (const name of Object.keys(BUDGET_PLANNERS)) {
  const exact = name === "checkmate" || name === "moccasin";
  propertyTest(
    `P8 ${name}: a plan at any budget verifies within it`,
    { runs: exact ? 15 : 30 },
    () =>
      fc.asyncProperty(graphAndBudget(exact ? 2 : 4, exact), async ({ g, budget }) => {
        const r = await planUnderBudget(g, {
          budget,
          planner: name,
          placer: exact ? "search" : "greedy-size",
          timeLimit: 10,
        });
        if (r.status === "impossible") {
          assert.ok(budget < r.bound, `impossible at ${budget} but bound ${r.bound}`);
          return;
        }
        if (!r.plan) return; // none found: a heuristic may miss; it must not lie
        const report = replay(g, r.plan);
        const semantic = report.violations.filter((v) => v.kind !== "out_of_capacity");
        assert.deepEqual(semantic, [], `${name} planned an invalid plan`);
        if (r.status === "planned") assert.ok(report.arena <= budget && report.ok);
        if (report.recomputedRuns > 0 || report.offloadedBytes > 0) {
          exercised[name] = (exercised[name] ?? 0) + 1;
        }
      }),
  );
}

Deno.test("P8 every budget planner was exercised on plans that recompute or offload", () => {
  for (const name of Object.keys(BUDGET_PLANNERS)) {
    assert.ok((exercised[name] ?? 0) > 0, `${name} never planned a recompute or offload`);
  }
});

/** Tiny graphs whose stage-form plans can all be enumerated. */
const tinyGraphs = () =>
  fc.oneof(arbTrainingGraph({ maxLayers: 1 }).map((raw) => indexGraph(raw)), arbChainGraph(2))
    .filter((g) => {
      const ok = recomputableOps(g);
      let slots = 0;
      for (let t = 1; t < g.opCount; t++) for (let i = 0; i < t; i++) slots += ok[i];
      return slots >= 1 && slots <= 12;
    });

propertyTest("P8 checkmate: its optimum equals brute force, and tightening never lowers it", {
  runs: 6,
}, () =>
  fc.asyncProperty(
    tinyGraphs(),
    fc.array(fc.double({ min: 0, max: 1, noNaN: true }), {
      minLength: 2,
      maxLength: 3,
    }),
    async (g, fractions) => {
      const plans = bruteForcePlans(g, 12);
      const peaks = [...new Set(plans.map((p) => p.peak))].sort((x, y) => x - y);
      const budgets = fractions.map((f) => peaks[Math.floor(f * (peaks.length - 1))]).sort((x, y) =>
        y - x
      );
      let previous = -Infinity;
      for (const budget of budgets) {
        const expected = bruteForceCost(plans, budget);
        const r = await planCheckmate(g, { budget, timeLimit: Infinity, order: programOrder(g) });
        assert.equal(r.status, "optimal", `budget ${budget}`);
        assert.equal(r.cost, expected, `budget ${budget}`);
        assert.ok(r.cost! >= previous, "a tighter budget lowered the optimal cost");
        previous = r.cost!;
      }
    },
  ));

/** A verified plan with at least one recompute, from the greedy at a tight budget. */
async function recomputePlan(
  g: IndexedGraph,
): Promise<{ events: Events; offsets: Float64Array } | undefined> {
  const a = analyseBudget(g);
  const peak = measureEvents(a, runEvents(programOrder(g))).peakLive;
  for (const f of [0.9, 0.75, 0.6]) {
    const r = await planUnderBudget(g, {
      budget: Math.floor(a.bound + f * (peak - a.bound)),
      planner: "greedy",
      placer: "greedy-size",
    });
    if (r.events && r.offsets && r.events.kind.length > g.opCount) {
      return { events: r.events, offsets: r.offsets };
    }
  }
  return undefined;
}

propertyTest(
  "P8 planted faults in recompute plans are caught",
  { runs: 30 },
  () =>
    fc.asyncProperty(arbTrainingGraph({ minLayers: 2, maxLayers: 4 }), async (raw) => {
      const g = indexGraph(raw);
      const plan = await recomputePlan(g);
      fc.pre(plan !== undefined);
      const { events, offsets } = plan!;
      const judge = (ev: Events, off?: Float64Array) =>
        replayBudgetPlan(g, ev, residencies(g, ev), { offsets: off });
      assert.equal(judge(events, offsets).ok, true);
      // Missing input: drop the first run of a recomputed op; its next run, or a reader, lacks it.
      const seen = new Set<number>();
      let rerunAt = -1;
      for (let e = 0; e < events.kind.length && rerunAt < 0; e++) {
        if (events.kind[e] !== EVENT.run) continue;
        if (seen.has(events.target[e])) rerunAt = e;
        seen.add(events.target[e]);
      }
      const v = events.target[rerunAt];
      const firstRun = [...events.target].findIndex((x, e) =>
        x === v && events.kind[e] === EVENT.run
      );
      const cut = (e: number): Events => ({
        kind: Uint8Array.from([...events.kind.slice(0, e), ...events.kind.slice(e + 1)]),
        target: Int32Array.from([...events.target.slice(0, e), ...events.target.slice(e + 1)]),
      });
      const missing = judge(cut(firstRun));
      assert.ok((missing.violationsByKind.not_resident ?? 0) > 0, "missing input not caught");
      // Double update: run an op without outputs (an in-place update) twice.
      const update = [...events.target].findIndex((x, e) =>
        events.kind[e] === EVENT.run && g.outStart[x] === g.outStart[x + 1]
      );
      if (update >= 0) {
        const twice: Events = {
          kind: Uint8Array.from([...events.kind, EVENT.run]),
          target: Int32Array.from([...events.target, events.target[update]]),
        };
        assert.ok(
          (judge(twice).violationsByKind.forbidden_rerun ?? 0) > 0,
          "double update not caught",
        );
      }
      // Overlap: move a residency onto another that shares an event with it.
      const res = residencies(g, events);
      for (let i = 0; i < res.count; i++) {
        for (let j = i + 1; j < res.count; j++) {
          if (g.size[res.tensor[i]] === 0 || g.size[res.tensor[j]] === 0) continue;
          if (res.first[i] > res.last[j] || res.first[j] > res.last[i]) continue;
          const moved = new Float64Array(offsets);
          moved[j] = moved[i];
          assert.ok((judge(events, moved).violationsByKind.overlap ?? 0) > 0, "overlap not caught");
          return;
        }
      }
    }),
);
