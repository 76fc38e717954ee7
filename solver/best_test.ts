import assert from "node:assert/strict";
import { indexGraph } from "../graph/indexed_graph.ts";
import { loadMinimallocCsv } from "../graph/load.ts";
import { verifyPlacement } from "../simulator/verify_placement.ts";
import { simulate } from "../simulator/simulate.ts";
import { randomProblem } from "../testkit/mod.ts";
import { threeBranchGraph } from "./ilp/_test_graphs.ts";
import { bestScheduler } from "./best_scheduler.ts";
import {
  costVsFirstFit,
  EXACT_MAX_BUFFERS,
  placeBest,
  skeletonWorthTrying,
  startWithin,
} from "./best.ts";
import type { Placer, PlaceResult } from "./types.ts";
import { linearPlacers, PLACERS } from "./registry.ts";

const bestPlacer = PLACERS.best;

const EXAMPLE = new URL("../testdata/minimalloc/example.12.csv", import.meta.url);

Deno.test("best placer stops at the greedy result when it meets the bound", async () => {
  const problem = await loadMinimallocCsv(EXAMPLE.pathname);
  const r = await bestPlacer.place(problem, { timeLimit: Infinity });
  assert.equal(r.arena, 12);
  assert.equal(r.status, "optimal");
  assert.equal(r.details?.ilp, undefined);
  assert.ok(verifyPlacement(problem, r.offsets).ok);
});

Deno.test("best placer: the ILP closes the gap the greedy placers leave", async () => {
  // Seed 2: the best greedy arena is 353, the peak live 348 (the skyline,
  // left out here, reaches 348 itself: see the next test).
  const problem = randomProblem({ seed: 2, n: 40, horizon: 20 });
  const start = linearPlacers().filter((p) => p.name !== "skyline");
  const r = await placeBest(problem, { start, timeLimit: Infinity });
  const greedy = r.details?.greedy as Record<string, number>;
  assert.equal(Math.min(...Object.values(greedy)), 353);
  assert.equal(r.bound, 348);
  assert.equal(r.arena, 348);
  assert.equal(r.status, "optimal");
  assert.ok(verifyPlacement(problem, r.offsets).ok);
});

Deno.test("best placer: an anytime start (skyline) runs after the others, and may settle it", async () => {
  const problem = randomProblem({ seed: 2, n: 40, horizon: 20 });
  const r = await bestPlacer.place(problem, { timeLimit: Infinity });
  const greedy = r.details?.greedy as Record<string, number>;
  assert.equal(Object.keys(greedy).at(-1), "skyline");
  assert.deepEqual([greedy.skyline, r.arena, r.status], [348, 348, "optimal"]);
  assert.equal(r.details?.start, "skyline");
  assert.equal(r.details?.ilp, undefined);
});

Deno.test("best placer says when a capacity cannot be met", async () => {
  const problem = randomProblem({ seed: 2, n: 40, horizon: 20 });
  const r = await bestPlacer.place(problem, { timeLimit: Infinity, capacity: 347 });
  assert.equal(r.status, "infeasible");
  assert.ok(verifyPlacement(problem, r.offsets).ok);
});

Deno.test("best placer with no time left runs only its first start, and says what it skipped", async () => {
  const problem = randomProblem({ seed: 2, n: 40, horizon: 20 });
  const r = await bestPlacer.place(problem, { timeLimit: 0 });
  assert.deepEqual(Object.keys(r.details?.greedy as object), ["greedy-size"]);
  assert.deepEqual(r.details?.skippedForTime, [
    "greedy-conflicts",
    "greedy-area",
    "first-fit",
    "skyline",
  ]);
  assert.equal(r.details?.search, undefined);
  assert.ok(verifyPlacement(problem, r.offsets).ok);
});

Deno.test("best placer stops after its start placers above EXACT_MAX_BUFFERS", async () => {
  const problem = randomProblem({ seed: 3, n: EXACT_MAX_BUFFERS + 1, horizon: 400 });
  const r = await bestPlacer.place(problem, { timeLimit: Infinity });
  assert.equal(r.details?.search, undefined);
  assert.equal(r.details?.ilp, undefined);
  assert.match(String(r.details?.note), /no exact stage/);
  assert.equal(Object.keys(r.details?.greedy as object)[0], "greedy-size"); // the first start, in order
  assert.ok(r.arena >= r.bound!);
  assert.ok(verifyPlacement(problem, r.offsets).ok);
});

Deno.test("best scheduler: greedy, then the ILP, on the three-branch graph", async () => {
  const g = indexGraph(threeBranchGraph());
  const r = await bestScheduler.schedule(g, { timeLimit: Infinity });
  assert.equal(r.peakLive, 14);
  assert.equal(r.status, "optimal");
  assert.equal(r.details?.stage, "ilp");
  const report = simulate(g, { order: r.order });
  assert.ok(report.ok);
  assert.equal(report.peakLive, 14);
});

Deno.test("startWithin: above EXACT_MAX_BUFFERS the start placers run cheapest first", async () => {
  // Stubs that only note when they ran: first fit, then by estimated cost
  // (greedy-conflicts, greedy-size, greedy-area), not in the order given.
  const n = EXACT_MAX_BUFFERS + 1;
  const problem = {
    buffers: Array.from(
      { length: n },
      (_, i) => ({ id: `b${i}`, lower: i, upper: i + 1, size: 1 }),
    ),
  };
  const ran: string[] = [];
  const stub = (name: string): Placer => ({
    name,
    description: "records its turn",
    place: () => {
      ran.push(name);
      return Promise.resolve({
        offsets: new Float64Array(n),
        arena: 2,
        status: "feasible",
        seconds: 0,
      });
    },
  });
  const start = ["greedy-size", "greedy-area", "greedy-conflicts", "first-fit"].map(stub);
  await startWithin(problem, start, {}, { bound: 1, t0: performance.now(), timeLimit: 1e6 });
  assert.deepEqual(ran, ["first-fit", "greedy-conflicts", "greedy-size", "greedy-area"]);
  assert.ok(costVsFirstFit("greedy-conflicts", n) < costVsFirstFit("greedy-size", n));
});

/** Ten buffers of size 1, one a step: the problem the start-order stubs below are handed. */
function tenSteps() {
  return {
    buffers: Array.from(
      { length: 10 },
      (_, i) => ({ id: `b${i}`, lower: i, upper: i + 1, size: 1 }),
    ),
  };
}

/** An empty placement of the ten buffers with the given arena. */
function stubResult(arena: number): PlaceResult {
  return { offsets: new Float64Array(10), arena, status: "feasible", seconds: 0 };
}

/**
 * A start placer that notes its turn in `ran` (and hands `saw` the options
 * it was called with) and returns {@linkcode stubResult} of `arena`.
 */
function turnStub(
  ran: string[],
  name: string,
  options: { anytime: boolean; arena: number; saw?: (o: unknown) => void },
): Placer {
  return {
    name,
    description: "records its turn",
    anytime: options.anytime,
    place: (_p, o) => {
      ran.push(name);
      options.saw?.(o);
      return Promise.resolve(stubResult(options.arena));
    },
  };
}

Deno.test("startWithin: an anytime placer runs last, with a quarter of the time left as its deadline", async () => {
  const problem = tenSteps();
  const ran: string[] = [];
  let deadline = NaN;
  const stub = (name: string, anytime: boolean) =>
    turnStub(ran, name, {
      anytime,
      arena: 2,
      saw: (o) => {
        if (anytime) deadline = (o as { deadline: number }).deadline;
      },
    });
  const start = [stub("skyline", true), stub("greedy-size", false), stub("first-fit", false)];
  const t0 = performance.now();
  await startWithin(problem, start, {}, { bound: 1, t0, timeLimit: 100 });
  // Small problems: the given order for the others, the anytime one after them.
  assert.deepEqual(ran, ["greedy-size", "first-fit", "skyline"]);
  const after = performance.now();
  // Called between t0 and after, with a quarter of what was left of the 100 s then.
  assert.ok(deadline <= after + 0.25 * 100_000);
  assert.ok(deadline >= t0 + 0.25 * (100_000 - (after - t0)));
});

Deno.test("startWithin: no anytime placer once a start is within 0.1% of the bound", async () => {
  const problem = tenSteps();
  const ran: string[] = [];
  const stub = (name: string, anytime: boolean, arena: number) =>
    turnStub(ran, name, { anytime, arena });
  const start = [stub("greedy-size", false, 10005), stub("skyline", true, 10000)];
  await startWithin(problem, start, {}, { bound: 10000, t0: performance.now(), timeLimit: 100 });
  assert.deepEqual(ran, ["greedy-size"]); // 0.05% above: close enough
  ran.length = 0;
  start[0] = stub("greedy-size", false, 10011);
  await startWithin(problem, start, {}, { bound: 10000, t0: performance.now(), timeLimit: 100 });
  assert.deepEqual(ran, ["greedy-size", "skyline"]);
});

Deno.test("startWithin: a start of another kind (beforeAnytime) comes between the plain placers and the anytime ones", async () => {
  const problem = tenSteps();
  const ran: string[] = [];
  const start = [
    turnStub(ran, "greedy-size", { anytime: false, arena: 10500 }),
    turnStub(ran, "skyline", { anytime: true, arena: 10400 }),
  ];
  const seen: string[] = [];
  const r = await startWithin(problem, start, {}, {
    bound: 10000,
    t0: performance.now(),
    timeLimit: 100,
    beforeAnytime: (best) => {
      ran.push("other");
      seen.push(best.name);
      return { name: "other", result: stubResult(10300) };
    },
  });
  assert.deepEqual(ran, ["greedy-size", "other", "skyline"]);
  assert.deepEqual(seen, ["greedy-size"]); // handed the best start so far
  assert.equal(r.name, "other"); // lowest of the three
  assert.deepEqual(r.arenas, { "greedy-size": 10500, skyline: 10400 }); // the start placers'
  assert.equal(r.result.arena, 10300);
  // Within 0.1% of the bound, its start spares the anytime placer.
  ran.length = 0;
  await startWithin(problem, start, {}, {
    bound: 10000,
    t0: performance.now(),
    timeLimit: 100,
    beforeAnytime: () => ({ name: "other", result: stubResult(10005) }),
  });
  assert.deepEqual(ran, ["greedy-size"]);
});

Deno.test("skeletonWorthTrying: each condition alone keeps the skeleton start out", () => {
  const at = { share: 2, firstSeconds: 0.1, bound: 1000, arena: 1010 };
  assert.equal(skeletonWorthTrying(at), true); // exactly 1% above, 5 first fits in 0.5 s of 2
  assert.equal(skeletonWorthTrying({ ...at, arena: 1009 }), false);
  assert.equal(skeletonWorthTrying({ ...at, share: 0.49, firstSeconds: 0.01 }), false);
  assert.equal(skeletonWorthTrying({ ...at, firstSeconds: 0.41 }), false);
  assert.equal(skeletonWorthTrying({ ...at, share: 0.5, firstSeconds: 0.1 }), true);
});
