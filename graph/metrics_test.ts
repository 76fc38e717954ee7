import assert from "node:assert/strict";
import { indexGraph, KIND } from "./indexed_graph.ts";
import { lifetimes, programOrder } from "./lifetimes.ts";
import {
  arenaOf,
  fragmentation,
  liveByKindAt,
  liveTimeline,
  liveTimelineByKind,
  peakLive,
  programOrderPeak,
} from "./metrics.ts";
import { loadGraph } from "./load.ts";
import { branchyGraph, tinyGraph } from "./_fixtures_test_util.ts";

Deno.test("metrics: tiny graph timeline 14, 18, 22, 7 and peak 22 at step 2", () => {
  const g = indexGraph(tinyGraph());
  const lt = lifetimes(g, programOrder(g));
  assert.deepEqual(Array.from(liveTimeline(g, lt, 4)), [14, 18, 22, 7]);
  assert.deepEqual(peakLive(g, lt), { bytes: 22, step: 2 });
  // at step 2: w 2 (weight), a 8 + b 8 + c 4 = 20 (activation)
  const byKind = liveByKindAt(g, lt, 2);
  assert.equal(byKind.weight, 2);
  assert.equal(byKind.activation, 20);
  assert.equal(byKind.input, 0);
});

Deno.test("metrics: the bundled tiny.json file gives the same peak", async () => {
  const g = await loadGraph("testdata/graphs/tiny.json");
  assert.deepEqual(programOrderPeak(g), { bytes: 22, step: 2 });
});

Deno.test("metrics: branchy graph peak 15 at step 1; reordering changes it", () => {
  const g = indexGraph(branchyGraph());
  assert.deepEqual(programOrderPeak(g), { bytes: 15, step: 1 });
  // p1 p2 q1 q2 j upd is program order; q1 before p2 keeps both bigs: x1+w3+big10+big2 10 = 24
  const bad = lifetimes(g, Int32Array.from([0, 2, 1, 3, 4, 5]));
  assert.equal(peakLive(g, bad).bytes, 24);
});

Deno.test("metrics: arena skips size-0 and absent offsets; fragmentation", () => {
  assert.equal(arenaOf(Float64Array.from([0, 100, NaN]), Float64Array.from([8, 0, 4])), 8);
  assert.equal(fragmentation(100, 75), 0.25);
  assert.equal(fragmentation(0, 0), 0);
});

Deno.test("metrics: tiny graph timeline by kind sums to the live timeline", () => {
  const g = indexGraph(tinyGraph());
  const byKind = liveTimelineByKind(g, lifetimes(g, programOrder(g)), 4);
  // input x [0,0]; weight w all steps; activations a [0,2], b [1,2], c [2,3]; output loss [3,3]
  assert.deepEqual(Array.from(byKind[KIND.input]), [4, 0, 0, 0]);
  assert.deepEqual(Array.from(byKind[KIND.weight]), [2, 2, 2, 2]);
  assert.deepEqual(Array.from(byKind[KIND.activation]), [8, 16, 20, 4]);
  assert.deepEqual(Array.from(byKind[KIND.output]), [0, 0, 0, 1]);
});
