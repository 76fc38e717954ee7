import assert from "node:assert/strict";
import { loadGraph } from "../../graph/load.ts";
import { simulate } from "../simulate.ts";
import { vizPicture } from "./picture.ts";

Deno.test("vizPicture: one side or two, SVG or HTML, the cap shared between sides", async () => {
  const g = await loadGraph("testdata/graphs/tiny.json");
  const one = [{ label: "program order", report: simulate(g) }];
  const svg = vizPicture(g, one, { format: "svg" });
  assert.ok(svg.text.startsWith("<svg"));
  assert.deepEqual([svg.sides, svg.drawn], [1, 6]);
  const two = [...one, { label: "pytorch", report: simulate(g, { allocator: "pytorch" }) }];
  const html = vizPicture(g, two, { format: "html" });
  assert.match(html.text, /<html/i);
  assert.equal(html.sides, 2);
  // A cap of 2 over two sides leaves one tensor per side drawn one by one.
  assert.ok(vizPicture(g, two, { format: "svg", cap: 2 }).drawn <= 2);
});
