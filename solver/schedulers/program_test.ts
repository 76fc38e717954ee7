import assert from "node:assert/strict";
import { tinyGraph } from "../../graph/_fixtures_test_util.ts";
import { indexGraph } from "../../graph/indexed_graph.ts";
import { loadGraph } from "../../graph/load.ts";
import { assertTopological } from "../../testkit/mod.ts";
import { fanoutGraph } from "./_fixtures.ts";
import { programScheduler, scheduleProgram } from "./program.ts";

Deno.test("program scheduler: tiny.json peaks at 22, which the bound proves optimal", async () => {
  const g = await loadGraph("testdata/graphs/tiny.json");
  const r = await programScheduler.schedule(g);
  assert.deepEqual([...r.order], [0, 1, 2, 3]);
  assert.equal(r.peakLive, 22);
  assert.equal(r.bound, 22);
  assert.equal(r.status, "optimal");
  assertTopological(g, r.order);
});

Deno.test("program scheduler: fanout peaks at 21 (see _fixtures.ts), not proved", () => {
  const r = scheduleProgram(indexGraph(fanoutGraph()));
  assert.equal(r.peakLive, 21);
  assert.equal(r.status, "feasible");
  assert.equal(scheduleProgram(indexGraph(tinyGraph())).peakLive, 22);
});
