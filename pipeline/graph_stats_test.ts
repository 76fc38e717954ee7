import assert from "node:assert/strict";
import { loadGraph } from "../graph/load.ts";
import { graphStats } from "./graph_stats.ts";

Deno.test("graphStats: tiny's program order meets its bound", async () => {
  const s = graphStats(await loadGraph("testdata/graphs/tiny.json"));
  assert.equal(s.programOrderPeak, 22);
  assert.equal(s.lowerBound, 22);
  assert.equal(s.programOrderGap, 0);
  assert.equal(Object.values(s.tensorsByKind).reduce((a, b) => a + b, 0), s.tensors);
  assert.equal(Object.values(s.bytesByKind).reduce((a, b) => a + b, 0), s.totalBytes);
});

Deno.test("graphStats: the gap is (peak − bound) / peak", async () => {
  const s = graphStats(await loadGraph("testdata/graphs/branchy.json"));
  assert.ok(s.lowerBound <= s.programOrderPeak);
  assert.equal(s.programOrderGap, (s.programOrderPeak - s.lowerBound) / s.programOrderPeak);
});
