import assert from "node:assert/strict";
import { indexGraph } from "../../graph/indexed_graph.ts";
import type { Graph } from "../../graph/types.ts";
import { simulate } from "../simulate.ts";
import { chainGraph, rectsIn, tinyReplay } from "./_test_graphs_test_util.ts";
import { MAP_MARGIN, memoryMap, memoryMapSvg } from "./memory_map.ts";
import { KIND_COLOURS } from "./palette.ts";

// tiny under tiny.valid.json: x [0,0] @0+4, w [0,3] @4+2, a [0,2] @6+8, b [1,2] @14+8,
// c [2,3] @0+4, loss [3,3] @22+1; peak 22 at step 2, arena 23.
// Panel 496 × 364 with one legend row: plot x 72, y 76, 400 × 230; addressMax 23, so
// 100 px per step and 10 px per byte.
const LAYOUT = { width: 496, height: 364, addressMax: 23 };

function attrs(tag: string): Record<string, string> {
  return Object.fromEntries([...tag.matchAll(/([\w-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));
}

Deno.test("memoryMap: tiny has one rectangle per positive-size tensor, where a hand computes it", async () => {
  const { g, report } = await tinyReplay();
  const map = memoryMap(g, report, LAYOUT);
  assert.equal(MAP_MARGIN.left, 72);
  assert.deepEqual(map.hover.plot, { x: 72, y: 76, w: 400, h: 230 });
  const rects = rectsIn(map.svg, "tensors").map(attrs);
  assert.equal(rects.length, 6);
  assert.deepEqual(map.hover.tensors.map((r) => r[1]), ["x", "w", "a", "b", "c", "loss"]);
  // a: steps 0..2 → x 72, width 300; bytes [6, 14) → y 76 + (23 - 14)·10 = 166, height 80.
  assert.deepEqual(rects[2], { class: "k3 e", x: "72", y: "166", width: "300", height: "80" });
  // loss: step 3 → x 372, width 100; bytes [22, 23) → y 76, height 10.
  assert.deepEqual(rects[5], { class: "k6 e", x: "372", y: "76", width: "100", height: "10" });
  // x: step 0, bytes [0, 4) → y 76 + 19·10 = 266, height 40.
  assert.deepEqual(rects[0], { class: "k0 e", x: "72", y: "266", width: "100", height: "40" });
  assert.equal(rectsIn(map.svg, "cells").length, 0);
  assert.match(map.svg, /6 tensors drawn, 0 aggregated/);
});

Deno.test("memoryMap: the peak marker at step 2, arena and peak-live lines, kind colours", async () => {
  const { g, report } = await tinyReplay();
  const svg = memoryMapSvg(g, report, LAYOUT);
  const peak = attrs(/<line [^>]*class="peak"[^>]*>/.exec(svg)![0]);
  assert.equal(peak["data-step"], "2");
  assert.equal(peak.x1, "322"); // centre of step 2: 72 + 2.5 · 100
  assert.equal(peak.x2, "322");
  assert.match(svg, /peak at step 2 \(op f3\)/);
  const arena = attrs(/<line [^>]*class="arena"[^>]*>/.exec(svg)![0]);
  assert.equal(arena.y1, "76"); // 23 bytes, the top of the axis
  const level = attrs(/<line [^>]*class="level"[^>]*>/.exec(svg)![0]);
  assert.equal(level.y1, "86"); // peak live 22
  // Kinds by class; classes by colour (Okabe–Ito).
  assert.match(svg, new RegExp(`\\.k3\\{fill:${KIND_COLOURS.activation}\\}`));
  assert.match(svg, new RegExp(`\\.k1\\{fill:${KIND_COLOURS.weight}\\}`));
  assert.equal(KIND_COLOURS.activation, "#009E73");
  const classes = rectsIn(svg, "tensors").map((r) => attrs(r).class.split(" ")[0]);
  assert.deepEqual(classes, ["k0", "k1", "k3", "k3", "k3", "k6"]);
  // The legend lists exactly the kinds present.
  const legend = /<g class="legend">(.*?)<\/g>/s.exec(svg)![1];
  assert.deepEqual([...legend.matchAll(/>([a-z ]+)<\/text>/g)].map((m) => m[1]), [
    "weight",
    "input",
    "activation",
    "output",
  ]);
});

Deno.test("memoryMap: ids from the file are escaped in text and tooltips", () => {
  const evil = `<script>alert("x&y")</script>'`;
  const graph: Graph = {
    format: "memplan.graph/v1",
    name: `<b>&"name"`,
    tensors: [{ id: evil, size: 64, kind: "input" }, { id: "out&<", size: 8, kind: "output" }],
    ops: [{ id: `op"<!--`, in: [evil], out: ["out&<"] }],
  };
  const g = indexGraph(graph);
  const svg = memoryMapSvg(g, simulate(g), { title: g.name });
  assert.ok(!svg.includes("<script"), "no raw script tag");
  assert.ok(!svg.includes("<!--"));
  assert.ok(svg.includes("&lt;script&gt;alert(&quot;x&amp;y&quot;)&lt;/script&gt;&#39;"));
  assert.ok(svg.includes("&lt;b&gt;&amp;&quot;name&quot;"));
  assert.ok(svg.includes("· op op&quot;&lt;!--"));
  // Every & starts an entity: nothing unescaped slipped through.
  assert.deepEqual(svg.match(/&(?!amp;|lt;|gt;|quot;|#39;)/g), null);
});

Deno.test("memoryMap: above the cap, tensors are merged and the rectangles stay bounded", () => {
  const g = indexGraph(chainGraph(6000));
  const report = simulate(g, { allocator: "best-fit" });
  const cap = 500, width = 700, height = 400, cellPx = 4;
  const map = memoryMap(g, report, { width, height, cap, cellPx, titles: false });
  const drawn = rectsIn(map.svg, "tensors").length;
  const cells = rectsIn(map.svg, "cells").length;
  assert.ok(drawn <= cap, `${drawn} drawn`);
  assert.ok(map.split.aggregated > 0);
  assert.equal(drawn + map.split.aggregated, g.tensorCount);
  // At most one run per cell of the grid and kind present (here input and activation).
  const grid = Math.ceil(map.hover.plot.w / cellPx) * Math.ceil(map.hover.plot.h / cellPx);
  assert.ok(cells > 0 && cells <= 2 * grid, `${cells} cells`);
  assert.equal(map.hover.cells.length, cells);
  // Each merged tensor is counted once, in the run where its centre lies.
  assert.equal(map.hover.cells.reduce((s, c) => s + c[1], 0), map.split.aggregated);
  const n = (v: number) => v.toLocaleString("en-US");
  assert.ok(map.svg.includes(`${n(drawn)} tensors drawn, ${n(map.split.aggregated)} aggregated`));
  // The largest tensors on screen are the ones kept.
  const area = (t: number) =>
    (report.lifetimes.last[t] - report.lifetimes.first[t] + 1) * g.size[t];
  const kept = new Set(map.split.drawn);
  let minKept = Infinity, maxMerged = 0;
  for (let t = 0; t < g.tensorCount; t++) {
    if (kept.has(t)) minKept = Math.min(minKept, area(t));
    else maxMerged = Math.max(maxMerged, area(t));
  }
  assert.ok(minKept >= maxMerged);
});

Deno.test("memoryMap: a replay that placed nothing draws an empty, labelled frame", async () => {
  const { g } = await tinyReplay();
  const report = simulate(g, { order: Int32Array.from([0, 0, 1, 2]), allocator: "best-fit" });
  assert.equal(report.replayed, false);
  const svg = memoryMapSvg(g, report);
  assert.equal(rectsIn(svg, "tensors").length, 0);
  assert.match(svg, /INVALID: the order is not a permutation/);
});
