import assert from "node:assert/strict";
import { KIND } from "../../graph/kind_codes.ts";
import { indexGraph } from "../../graph/indexed_graph.ts";
import { simulate } from "../simulate.ts";
import { chainGraph, tinyReplay } from "./_test_graphs_test_util.ts";
import { liveByKind } from "./live_by_kind.ts";
import { timeline, timelineSvg } from "./timeline.ts";

Deno.test("liveByKind: tiny's resident bytes per kind, summing to the simulator's live bytes", async () => {
  const { g, report } = await tinyReplay();
  const byKind = liveByKind(g, report.lifetimes, 4);
  assert.deepEqual(Array.from(byKind[KIND.activation]), [8, 16, 20, 4]);
  assert.deepEqual(Array.from(byKind[KIND.weight]), [2, 2, 2, 2]);
  assert.deepEqual(Array.from(byKind[KIND.input]), [4, 0, 0, 0]);
  assert.deepEqual(Array.from(byKind[KIND.output]), [0, 0, 0, 1]);
  for (let s = 0; s < 4; s++) {
    assert.equal(byKind.reduce((sum, k) => sum + k[s], 0), report.timeline.live[s]);
  }
});

Deno.test("timeline: one band per kind present, stacked to the live bytes, reserved line above", async () => {
  const { g, report } = await tinyReplay();
  // Plot 400 × 100 from (72, 40): 100 px per step, 4 px per byte with bytesMax 25.
  const t = timeline(g, report, { width: 496, height: 184, bytesMax: 25 });
  assert.deepEqual(t.hover.plot, { x: 72, y: 40, w: 400, h: 100 });
  const bands = [...t.svg.matchAll(/<path class="(k\d)" d="([^"]*)"/g)];
  // Stack order: weight, input, activation, output.
  assert.deepEqual(bands.map((b) => b[1]), ["k1", "k0", "k3", "k6"]);
  // The activation band's top edge: 14, 18, 22, 6 bytes at steps 0..3.
  assert.ok(bands[2][2].startsWith("M72 84H172V68H272V52H372V116H472"), bands[2][2]);
  // Static replay: the line is the arena's footprint (highest live offset + size),
  // 14, 22, 22, 23 bytes.
  const reserved = /<path class="reserved" d="([^"]*)"/.exec(t.svg)![1];
  assert.equal(reserved, "M72 84H172V52H372V48H472");
  assert.match(t.svg, /class="peak" data-step="2"/);
  assert.deepEqual(t.hover.columns[2].slice(0, 4), [2, 3, 2, 22]);
});

Deno.test("timeline: more steps than pixels keeps the peak and stays small", () => {
  const g = indexGraph(chainGraph(20000));
  const report = simulate(g, { allocator: "best-fit" });
  const t = timeline(g, report, { width: 600 });
  assert.ok(t.hover.columns.length <= 600 - 72 - 24);
  const tops = t.hover.columns.map((c) => c.slice(4).reduce((a, b) => a + b, 0));
  assert.equal(Math.max(...tops), report.peakLive);
  assert.ok(timelineSvg(g, report).length < 200_000);
});
