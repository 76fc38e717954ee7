import assert from "node:assert/strict";
import { branchyGraph, tinyGraph } from "../../graph/_fixtures_test_util.ts";
import { indexGraph } from "../../graph/indexed_graph.ts";
import { lifetimes } from "../../graph/lifetimes.ts";
import { peakLive, programOrderPeak } from "../../graph/metrics.ts";
import { assertTopological, randomDag } from "../../testkit/mod.ts";
import { fanoutGraph, twoLayerStepGraph } from "./_fixtures.ts";
import { GREEDY_VARIANTS, greedyScheduler, scheduleGreedy } from "./greedy.ts";

Deno.test("greedy beats program order on fanout: 12 instead of 21", async () => {
  // Worked out in _fixtures.ts: finishing one branch first keeps one big tensor alive.
  const g = indexGraph(fanoutGraph());
  const r = await greedyScheduler.schedule(g);
  assert.equal(r.peakLive, 12);
  assert.equal(programOrderPeak(g).bytes, 21);
  // graph/bounds' min-cut bound proves 12 optimal (a trivial bound only reaches 11).
  assert.equal(r.bound, 12);
  assert.equal(r.status, "optimal");
  assert.equal(r.details?.variant, "net-program"); // the first variant to reach 12
  assertTopological(g, r.order);
});

Deno.test("greedy moves an optimizer update before a big backward op: 23 instead of 29", () => {
  const g = indexGraph(twoLayerStepGraph());
  const r = scheduleGreedy(g);
  assert.equal(programOrderPeak(g).bytes, 29);
  assert.equal(r.peakLive, 23);
  assert.equal(r.status, "optimal"); // the bound sees b1's step: w, L, g1, gw1, ws
  assertTopological(g, r.order);
});

Deno.test("greedy proves optimality on tiny.json when the peak meets the bound", () => {
  const r = scheduleGreedy(indexGraph(tinyGraph()));
  assert.equal(r.peakLive, 22);
  assert.equal(r.status, "optimal");
  // Program order is tried first and already meets the bound: no more variants run.
  assert.deepEqual(r.details?.peaks, { program: 22 });
});

Deno.test("greedy reports the peak live that graph/metrics.ts measures", () => {
  for (const graph of [branchyGraph(), fanoutGraph(), twoLayerStepGraph()]) {
    const g = indexGraph(graph);
    const r = scheduleGreedy(g);
    assert.equal(r.peakLive, peakLive(g, lifetimes(g, r.order)).bytes);
  }
});

Deno.test("every greedy variant is a topological permutation and never above program order overall", () => {
  for (let seed = 1; seed <= 40; seed++) {
    const g = indexGraph(randomDag({ seed, ops: 10 + seed }));
    for (const v of GREEDY_VARIANTS) assertTopological(g, v.build(g));
    const r = scheduleGreedy(g);
    assertTopological(g, r.order);
    assert.ok(r.peakLive <= programOrderPeak(g).bytes);
    assert.ok(r.bound! <= r.peakLive);
  }
});

Deno.test("greedy options: a subset of variants, a time limit, unknown names", () => {
  const g = indexGraph(fanoutGraph());
  const only = scheduleGreedy(g, { variants: ["net-lifo"] });
  assert.equal(only.details?.variant, "net-lifo");
  assert.equal(only.peakLive, 12);
  // With no time at all, the first variant still runs and the rest are skipped.
  const rushed = scheduleGreedy(g, { timeLimit: 0 });
  assert.equal(rushed.status, "timeout");
  assert.deepEqual(rushed.details?.peaks, { program: 21 });
  assert.throws(
    () => scheduleGreedy(g, { variants: ["nope"] }),
    /unknown greedy variant "nope"; valid: program, net-program/,
  );
});
