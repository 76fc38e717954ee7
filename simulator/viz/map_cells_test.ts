import assert from "node:assert/strict";
import { indexGraph } from "../../graph/indexed_graph.ts";
import type { Graph, Kind } from "../../graph/types.ts";
import { simulate } from "../simulate.ts";
import { mapCells } from "./map_cells.ts";

// n tensors of 100 bytes resident over both steps, packed from address 0 in
// index order; kinds taken in turn from `kinds`.
function persistent(n: number, kinds: Kind[] = ["weight"]): Graph {
  return {
    format: "memplan.graph/v1",
    name: "persistent",
    tensors: [
      ...Array.from(
        { length: n },
        (_, i) => ({ id: `p${i}`, size: 100, kind: kinds[i % kinds.length] }),
      ),
      { id: "a", size: 0 },
      { id: "b", size: 0 },
    ],
    ops: [{ id: "f", in: ["p0"], out: ["a"] }, { id: "g", in: ["a"], out: ["b"] }],
  };
}

function split(g: Graph, plotHeight: number, options = {}) {
  const ig = indexGraph(g);
  const r = simulate(ig, { allocator: "first-fit" });
  const geometry = { steps: 2, addressMax: 100_000, plotWidth: 400, plotHeight };
  return mapCells(ig, r.lifetimes, r.offsets, geometry, { cellPx: 4, ...options });
}

Deno.test("mapCells: a tensor is drawn when at least a pixel wide and tall, else merged", () => {
  // 1 px per weight: all drawn. 0.1 px: hairlines, all merged (wide as they are).
  const drawn = split(persistent(1000), 1000);
  assert.equal(drawn.drawn.length, 1000);
  assert.equal(drawn.zeroSize, 2);
  assert.deepEqual(drawn.cells, []);
  const merged = split(persistent(1000), 100);
  assert.equal(merged.drawn.length, 0);
  assert.equal(merged.aggregated, 1000);
  // Packed weights: one solid run per 4-pixel row, across the whole plot.
  assert.equal(merged.cells.length, 25);
  for (const c of merged.cells) assert.deepEqual([c.kind, c.x0, c.x1, c.fill], [1, 0, 400, 1]);
  assert.deepEqual([merged.cells[3].y0, merged.cells[3].y1], [12, 16]);
  assert.equal(merged.cells.reduce((s, c) => s + c.count, 0), 1000);
  assert.equal(merged.cells.reduce((s, c) => s + c.bytes, 0), 100_000);
});

Deno.test("mapCells: beyond the cap the largest stay drawn and the rest merge", () => {
  // 2 px per weight, cap 20: w0..w19 (ties keep the first) fill rows 0..9.
  const s = split(persistent(1000), 2000, { cap: 20 });
  assert.deepEqual(Array.from(s.drawn), Array.from({ length: 20 }, (_, i) => i));
  assert.equal(s.aggregated, 980);
  assert.equal(s.cells.length, 490);
  assert.deepEqual([s.cells[0].y0, s.cells[0].fill], [40, 1]);
});

Deno.test("mapCells: kinds sharing a cell are stacked, each filling its share, never blended", () => {
  // Weights and optimizer state interleaved, 0.1 px each: every cell half and half.
  const s = split(persistent(1000, ["weight", "optimizer_state"]), 100);
  assert.equal(s.cells.length, 50);
  const row = s.cells.filter((c) => c.y0 >= 8 && c.y1 <= 12);
  // Stack order: weight below optimizer state.
  assert.deepEqual(row.map((c) => [c.kind, c.y0, c.y1, c.fill]), [[1, 8, 10, 0.5], [
    2,
    10,
    12,
    0.5,
  ]]);
});
