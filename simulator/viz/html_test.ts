import assert from "node:assert/strict";
import { indexGraph } from "../../graph/indexed_graph.ts";
import type { Graph } from "../../graph/types.ts";
import { simulate } from "../simulate.ts";
import { tinyReplay } from "./_test_graphs_test_util.ts";
import { vizSvg } from "./compose_svg.ts";
import { vizHtml } from "./html.ts";
import { sharedScale, sideTitle, vizSide } from "./side.ts";

function dataOf(html: string) {
  const m = /<script type="application\/json" id="viz-data">(.*?)<\/script>/s.exec(html);
  assert.ok(m, "embedded data");
  return JSON.parse(m[1]);
}

Deno.test("vizHtml: one self-contained page, embedded data, both sides of a comparison", async () => {
  const { g, report } = await tinyReplay();
  const baseline = simulate(g, { allocator: "first-fit" });
  const scale = sharedScale(g, [baseline, report]);
  const sides = [
    vizSide(g, baseline, { label: "program order", side: 0, titles: false, width: 700, ...scale }),
    vizSide(g, report, { label: "tiny.valid.json", side: 1, titles: false, width: 700, ...scale }),
  ];
  const html = vizHtml(sides, { title: "tiny" });
  // Nothing fetched: no src or href at all, no external script, style or font.
  assert.doesNotMatch(html, /\b(src|href)\s*=/i);
  assert.doesNotMatch(html, /@import|url\(|<link/i);
  assert.equal((html.match(/<script/g) ?? []).length, 2);
  assert.equal((html.match(/<\/script>/g) ?? []).length, 2);
  // Both sides, each with its memory map and timeline, titled with allocator and figures.
  assert.equal((html.match(/<svg [^>]*class="memory-map" data-side="\d"/g) ?? []).length, 2);
  assert.equal((html.match(/<svg [^>]*class="timeline" data-side="\d"/g) ?? []).length, 2);
  assert.match(html, /program order · first-fit allocator/);
  assert.match(html, /tiny.valid.json · static allocator/);
  assert.match(html, /peak live L 22 B · arena H 23 B · fragmentation 4.3%/);
  // Same scale on both sides.
  const data = dataOf(html);
  assert.equal(data.sides.length, 2);
  assert.equal(data.sides[0].map.addressMax, data.sides[1].map.addressMax);
  assert.deepEqual(data.sides[1].map.tensors[2], [2, "a", "f1", 3, 8, 0, 2, 6]);
  assert.equal(data.sides[1].timeline.columns.length, 4);
  // No native tooltips in HTML: the script shows its own.
  assert.doesNotMatch(html, /<title>[^<]*<\/title><\/rect>/);
});

Deno.test("vizHtml: hostile ids stay data, never markup", () => {
  const evil = `</script><script>alert(1)</script><!--&"'`;
  const graph: Graph = {
    format: "memplan.graph/v1",
    name: evil,
    tensors: [{ id: evil, size: 64, kind: "input" }, { id: "y", size: 8, kind: "output" }],
    ops: [{ id: evil, in: [evil], out: ["y"] }],
  };
  const g = indexGraph(graph);
  const side = vizSide(g, simulate(g), { label: evil, side: 0, titles: false });
  const html = vizHtml([side], { title: evil });
  assert.equal((html.match(/<script/g) ?? []).length, 2);
  assert.equal((html.match(/<\/script>/g) ?? []).length, 2);
  assert.ok(!html.includes("<!--"));
  const data = dataOf(html);
  assert.equal(data.sides[0].map.tensors[0][1], evil);
  assert.equal(data.sides[0].map.tensors[0][2], null);
  assert.equal(data.sides[0].map.tensors[1][2], evil);
});

Deno.test("vizSvg: every panel of every side in one SVG document", async () => {
  const { g, report } = await tinyReplay();
  const a = vizSide(g, simulate(g, { allocator: "first-fit" }), {
    label: "program order",
    width: 600,
  });
  const b = vizSide(g, report, { label: "plan", width: 600 });
  const svg = vizSvg([a, b], { title: "tiny" });
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 1224 780"/);
  assert.equal((svg.match(/<svg /g) ?? []).length, 5);
  assert.match(svg, /<svg x="624" y="30" [^>]*class="memory-map"/);
  assert.match(svg, /<svg x="624" y="550" [^>]*class="timeline"/);
  assert.equal(sideTitle(report, "plan").title, "plan · static allocator");
});
