import assert from "node:assert/strict";
import { indexGraph } from "../../graph/indexed_graph.ts";
import { lifetimes, programOrder } from "../../graph/lifetimes.ts";
import { liveTimeline } from "../../graph/metrics.ts";
import { isValidOrder } from "../../graph/order_check.ts";
import { evaluate } from "../highs/model.ts";
import { solveModel } from "../highs/solve.ts";
import { randomDag } from "../../testkit/mod.ts";
import { threeBranchGraph } from "./_test_graphs.ts";
import { buildScheduleModel, sizeGcd } from "./schedule_model.ts";

function windowMax(live: Float64Array, a: number, b: number): number {
  let m = 0;
  for (let s = a; s < b; s++) m = Math.max(m, live[s]);
  return m;
}

Deno.test("the given order is a feasible point whose peak is the true window peak", () => {
  // The formulation checked without a solver: for many windows of random
  // graphs, the MIP start satisfies every row and its objective is the peak
  // that graph/metrics.ts measures over the window.
  for (let seed = 1; seed <= 30; seed++) {
    const g = indexGraph(randomDag({ seed, ops: 25 }));
    const order = programOrder(g);
    const live = liveTimeline(g, lifetimes(g, order), g.opCount);
    for (const [a, k] of [[0, 25], [0, 7], [5, 10], [18, 7], [12, 1]]) {
      const m = buildScheduleModel(g, { order, start: a, length: k });
      const e = evaluate(m.model, m.start);
      assert.ok(e.feasible, `seed ${seed} window [${a},${a + k}): violation ${e.worstViolation}`);
      assert.equal(e.objective * m.unit, windowMax(live, a, a + k), `seed ${seed} [${a},${a + k})`);
      assert.deepEqual(m.decode(m.start), order);
    }
  }
});

Deno.test("a window's ILP optimum is the true peak of the decoded order", async () => {
  const g = indexGraph(randomDag({ seed: 11, ops: 40 }));
  const order = programOrder(g);
  const m = buildScheduleModel(g, { order, start: 10, length: 14 });
  const r = await solveModel(m.model, { timeLimit: Infinity, mipStart: m.start });
  assert.equal(r.status, "optimal");
  const better = m.decode(r.values!);
  assert.ok(isValidOrder(g, better));
  assert.deepEqual(better.subarray(0, 10), order.subarray(0, 10));
  assert.deepEqual(better.subarray(24), order.subarray(24));
  const live = liveTimeline(g, lifetimes(g, better), g.opCount);
  assert.equal(Math.max(m.outsidePeak, r.objective! * m.unit), windowMax(live, 0, g.opCount));
  assert.ok(windowMax(live, 10, 24) <= m.windowPeak);
});

Deno.test("the whole-graph model of the three-branch graph solves to 14", async () => {
  const g = indexGraph(threeBranchGraph());
  const m = buildScheduleModel(g, { order: programOrder(g) });
  assert.equal(m.windowPeak, 32);
  const r = await solveModel(m.model, { timeLimit: Infinity, mipStart: m.start });
  assert.equal(r.status, "optimal");
  assert.equal(r.objective, 14);
});

Deno.test("sizeGcd divides every size", () => {
  const g = indexGraph({
    format: "memplan.graph/v1",
    name: "g",
    tensors: [{ id: "x", size: 12, kind: "input" }, { id: "y", size: 18 }, { id: "z", size: 0 }],
    ops: [{ id: "f", in: ["x"], out: ["y", "z"] }],
  });
  assert.equal(sizeGcd(g), 6);
});
