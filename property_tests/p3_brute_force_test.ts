/**
 * Property 3, claims against brute force. On graphs of at most 7 ops (every
 * topological order enumerated) and buffer problems of at most 6 buffers
 * (every placement order enumerated): no planner is below the optimum, no
 * reported `bound` is above it, and a planner that says `optimal` is at it.
 * The exact planners (a scheduler named "ilp", placers named "ilp" or
 * "search"), when registered, reach the optimum, say so, and are never worse
 * than greedy. Tight problems (optimum known by construction) check the brute
 * force itself.
 */
import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { lowerBounds } from "../graph/bounds/mod.ts";
import { indexGraph } from "../graph/indexed_graph.ts";
import { PLACERS, SCHEDULERS } from "../solver/registry.ts";
import type { PlaceResult, ScheduleResult } from "../solver/types.ts";
import { bruteForcePlacement } from "../testkit/brute_force_placement.ts";
import { bruteForceSchedule } from "../testkit/brute_force_schedule.ts";
import {
  budgetOf,
  EXACT_OPTIONS,
  EXACT_PLACERS,
  EXACT_SCHEDULERS,
  placerCases,
  PLANNER_OPTIONS,
  schedulerCases,
  SLOW_BUDGET,
} from "./_planners.ts";
import { propertyTest } from "./_property.ts";
import { arbBufferProblem } from "./arb_buffer_problem.ts";
import { arbGraph } from "./arb_graph.ts";
import { arbTightProblem } from "./arb_tight_problem.ts";

/** Graphs small enough to enumerate every order. */
const smallGraphs = () => arbGraph({ maxOps: 7, maxLayers: 2, capOps: true });

/** Problems small enough to enumerate every placement order; no capacity. */
const smallProblems = () =>
  fc.oneof(
    arbBufferProblem({ maxBuffers: 6, horizon: 6 }),
    arbTightProblem({ maxBuffers: 6 }).map(({ problem }) => ({ ...problem, capacity: undefined })),
  );

/** The claims every scheduler result must make good on, against the optimum. */
function assertScheduleClaims(name: string, r: ScheduleResult, optimum: number): void {
  assert.ok(r.peakLive >= optimum, `${name}: peak ${r.peakLive} below the optimum ${optimum}`);
  if (r.bound !== undefined) {
    assert.ok(r.bound <= optimum, `${name}: bound ${r.bound} above the optimum ${optimum}`);
  }
  if (r.status === "optimal") {
    assert.equal(r.peakLive, optimum, `${name} says optimal at ${r.peakLive}; optimum ${optimum}`);
  }
}

/** The claims every placer result must make good on, against the optimum. */
function assertPlaceClaims(name: string, r: PlaceResult, optimum: number): void {
  assert.ok(r.arena >= optimum, `${name}: arena ${r.arena} below the optimum ${optimum}`);
  if (r.bound !== undefined) {
    assert.ok(r.bound <= optimum, `${name}: bound ${r.bound} above the optimum ${optimum}`);
  }
  if (r.status === "optimal") {
    assert.equal(r.arena, optimum, `${name} says optimal at ${r.arena}; optimum ${optimum}`);
  }
}

propertyTest(
  "P3 brute force: tight problems' known optimum is the enumerated one, and lower bounds stay below",
  { runs: 100 },
  () =>
    fc.property(arbTightProblem({ maxBuffers: 6 }), smallGraphs(), (tight, graph) => {
      assert.equal(bruteForcePlacement(tight.problem).arena, tight.optimum);
      const g = indexGraph(graph);
      const optimum = bruteForceSchedule(graph).peak;
      const lb = lowerBounds(g, { kinds: ["trivial", "cut", "mincut", "split"] });
      assert.ok(lb.best <= optimum, `lower bound ${lb.best} (${lb.bestKind}) > optimum ${optimum}`);
    }),
);

for (const s of schedulerCases()) {
  propertyTest(
    `P3 scheduler ${s.name}: not below the brute-force optimum; bound ≤ it; "optimal" only at it`,
    { runs: budgetOf(s).runs, timeCap: budgetOf(s).timeCap },
    () =>
      fc.asyncProperty(smallGraphs(), async (graph) => {
        const r = await s.planner.schedule(indexGraph(graph), PLANNER_OPTIONS);
        assertScheduleClaims(s.name, r, bruteForceSchedule(graph).peak);
      }),
  );
}

for (const p of placerCases()) {
  propertyTest(
    `P3 placer ${p.name}: not below the brute-force optimum; bound ≤ it; "optimal" only at it`,
    { runs: budgetOf(p).runs, timeCap: budgetOf(p).timeCap },
    () =>
      fc.asyncProperty(smallProblems(), async (problem) => {
        const r = await p.planner.place(problem, PLANNER_OPTIONS);
        assertPlaceClaims(p.name, r, bruteForcePlacement(problem).arena);
      }),
  );
}

for (const name of EXACT_SCHEDULERS) {
  const s = Object.hasOwn(SCHEDULERS, name) ? SCHEDULERS[name] : undefined;
  propertyTest(
    `P3 exact scheduler ${name}: reaches the brute-force optimum, says optimal, never worse than greedy`,
    {
      runs: SLOW_BUDGET.runs,
      timeCap: SLOW_BUDGET.timeCap,
      skipReason: s ? undefined : `no scheduler named "${name}" is registered yet`,
    },
    () =>
      fc.asyncProperty(smallGraphs(), fc.boolean(), async (graph, hardOnly) => {
        const g = indexGraph(graph);
        const fast = schedulerCases().filter((c) => !c.slow);
        const others = await Promise.all(fast.map((c) => c.planner.schedule(g, PLANNER_OPTIONS)));
        // Most small graphs are settled by greedy and the lower bound; half the
        // runs keep only those the fast schedulers cannot prove optimal.
        fc.pre(!hardOnly || others.every((o) => o.status !== "optimal"));
        const r = await s!.schedule(g, EXACT_OPTIONS);
        const optimum = bruteForceSchedule(graph).peak;
        assert.equal(r.peakLive, optimum, `${name}: peak ${r.peakLive}, optimum ${optimum}`);
        assert.equal(r.status, "optimal", `${name} reached the optimum but says ${r.status}`);
        others.forEach((o, i) => {
          assert.ok(r.peakLive <= o.peakLive, `${name} worse than ${fast[i].name}`);
        });
      }),
  );
}

for (const name of EXACT_PLACERS) {
  const p = Object.hasOwn(PLACERS, name) ? PLACERS[name] : undefined;
  propertyTest(
    `P3 exact placer ${name}: reaches the brute-force optimum, says optimal, never worse than greedy`,
    {
      runs: SLOW_BUDGET.runs,
      timeCap: SLOW_BUDGET.timeCap,
      skipReason: p ? undefined : `no placer named "${name}" is registered yet`,
    },
    () =>
      fc.asyncProperty(smallProblems(), fc.boolean(), async (problem, hardOnly) => {
        const fast = placerCases().filter((c) => !c.slow);
        const others = await Promise.all(
          fast.map((c) => c.planner.place(problem, PLANNER_OPTIONS)),
        );
        fc.pre(!hardOnly || others.every((o) => o.status !== "optimal"));
        const r = await p!.place(problem, EXACT_OPTIONS);
        const optimum = bruteForcePlacement(problem).arena;
        assert.equal(r.arena, optimum, `${name}: arena ${r.arena}, optimum ${optimum}`);
        assert.equal(r.status, "optimal", `${name} reached the optimum but says ${r.status}`);
        others.forEach((o, i) => {
          assert.ok(r.arena <= o.arena, `${name} worse than ${fast[i].name}`);
        });
      }),
  );
}
