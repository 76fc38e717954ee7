import assert from "node:assert/strict";
import { trainingChain } from "../../graph/budget/training_chain.ts";
import {
  type OrderEntry,
  parseBudgetPlan,
  resolveBudgetPlan,
} from "../../graph/budget/budget_plan.ts";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { loadGraph } from "../../graph/load.ts";
import { simulate } from "../simulate.ts";
import { replayBudgetPlan, type ReplayOptions } from "./replay.ts";
import { verifyBudgetPlan } from "./verify_budget_plan.ts";

function replay(g: IndexedGraph, order: OrderEntry[], options: ReplayOptions = {}) {
  const rp = resolveBudgetPlan(g, parseBudgetPlan({ format: "memplan.plan/v2", order }, "p"));
  return replayBudgetPlan(g, rp.events, rp.residencies, options);
}

// chain(3): f1 f2 f3 loss b3 b2 b1 u1 u2 u3; b_i reads a_{i-1}, d_i, w_i.
const program = ["f1", "f2", "f3", "loss", "b3", "b2", "b1", "u1", "u2", "u3"];

Deno.test("a recompute plan verifies and its recomputed cost is measured", () => {
  const g = trainingChain(3, 8, [5, 7, 11, 1, 1, 1, 1, 1, 1, 1]);
  // a1 dropped after f2 and recomputed by f1 before b2 (its next reader).
  const order = ["f1", "f2", "f3", "loss", "b3", "f1", "b2", "b1", "u1", "u2", "u3"];
  const r = replay(g, order);
  assert.deepEqual(r.violations, []);
  assert.equal(r.recomputedCost, 5);
  assert.equal(r.recomputedRuns, 1);
  assert.equal(r.stepCost, 5 + 7 + 11 + 7);
  assert.equal(r.costSource, "graph");
  const base = replay(g, program);
  assert.ok(r.peakLive < base.peakLive, `${r.peakLive} < ${base.peakLive}`);
});

Deno.test("an offload plan verifies and reports bytes and transfer time", () => {
  const g = trainingChain(3);
  const order = [
    "f1",
    "f2",
    { offload: "a1" },
    "f3",
    "loss",
    "b3",
    { fetch: "a1" },
    ...program.slice(5),
  ];
  const r = replay(g, order, { bandwidth: 4 });
  assert.deepEqual(r.violations, []);
  assert.equal(r.offloadedBytes, 8);
  assert.equal(r.fetchedBytes, 8);
  assert.equal(r.transferSeconds, 4);
});

Deno.test("planted faults are caught with the precise violation", () => {
  const g = trainingChain(3);
  const kinds = (order: OrderEntry[]) => Object.keys(replay(g, order).violationsByKind).sort();
  // missing input: a2 was never recomputed before b3 reads it... b3 reads a2: drop f2's run.
  assert.deepEqual(kinds(["f1", "f3", "f2", "loss", ...program.slice(4)]), ["not_resident"]);
  // a recompute whose own input is gone: a1 offloaded, then f2 re-run.
  assert.deepEqual(
    kinds([
      "f1",
      "f2",
      { offload: "a1" },
      "f3",
      "loss",
      "f2",
      "b3",
      { fetch: "a1" },
      ...program.slice(5),
    ]),
    ["not_resident"],
  );
  // double update
  assert.deepEqual(kinds([...program, "u2"]), ["forbidden_rerun"]);
  // a gradient produced twice
  assert.deepEqual(kinds([...program.slice(0, 7), "b2", ...program.slice(7)]), ["forbidden_rerun"]);
  // a forward re-run after the update of its weight
  assert.deepEqual(kinds([...program, "f1"]), ["after_order"]);
  // an op never run
  assert.deepEqual(kinds(program.slice(0, -1)), ["not_run"]);
  // fetch without offload; weight offloaded at the end
  assert.deepEqual(kinds([...program, { fetch: "a1" }]), ["stale_fetch"]);
  assert.deepEqual(kinds([...program, { offload: "w1" }]), ["not_resident_at_end"]);
});

Deno.test("overlapping residencies and a blown budget are caught", () => {
  const g = trainingChain(2);
  const order = ["f1", "f2", "loss", "f1", "b2", "b1", "u1", "u2"];
  const rp = resolveBudgetPlan(g, parseBudgetPlan({ format: "memplan.plan/v2", order }, "p"));
  const ok = replayBudgetPlan(g, rp.events, rp.residencies);
  assert.equal(ok.ok, true);
  // both residencies of a1 at 0 is fine (disjoint in time); x at 0 too is not.
  const offsets = new Float64Array(ok.offsets);
  const a1 = g.tensorIndex.get("a1")!, x = g.tensorIndex.get("x")!;
  for (let r = 0; r < rp.residencies.count; r++) {
    if (rp.residencies.tensor[r] === a1 || rp.residencies.tensor[r] === x) offsets[r] = 1000;
  }
  const bad = replayBudgetPlan(g, rp.events, rp.residencies, { offsets, capacity: 1004 });
  assert.deepEqual(Object.keys(bad.violationsByKind).sort(), ["out_of_capacity", "overlap"]);
  assert.match(JSON.stringify(bad.violations), /a1#0/);
});

Deno.test("a v1 plan replays to the v1 simulator's peak on every fixture", async () => {
  for (const name of ["mlp.b2.sgd", "alexnet.b32.sgd", "resnet18.b32.sgd"]) {
    const g = await loadGraph(`testdata/graphs/${name}.json.gz`);
    const v1 = simulate(g);
    const r = verifyBudgetPlan(g, { format: "memplan.plan/v1" });
    assert.equal(r.peakLive, v1.peakLive, name);
    assert.equal(r.recomputedCost, 0);
    assert.equal(r.ok, true, JSON.stringify(r.violations.slice(0, 3)));
  }
});
