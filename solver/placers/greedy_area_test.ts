import assert from "node:assert/strict";
import type { PlacementProblem } from "../../graph/types.ts";
import { fourBuffers } from "./_fixtures.ts";
import { checkPlacerOnRandomProblems } from "./_variants_test_util.ts";
import { greedyAreaPlacer, placeGreedyArea } from "./greedy_area.ts";

Deno.test("greedy-area places the largest size × lifespan first", async () => {
  // Areas: a 4×2 = 8, b 2×2 = 4, c 3×2 = 6, d 1×4 = 4; b and d tie, b is larger.
  // Order a, c, b, d: the same as greedy-size here, so a 0, c 0, b 4, d 6.
  const r = await greedyAreaPlacer.place(fourBuffers());
  assert.deepEqual([...r.offsets], [0, 4, 0, 6]);
  assert.equal(r.arena, 7);
});

Deno.test("greedy-area puts a long thin buffer before a short wide one", () => {
  // long: 1 byte over [0,10) (area 10) goes first, at 0; wide: 5 bytes over
  // [0,1) (area 5) goes on top of it, at 1. Greedy-size would do the reverse.
  const p: PlacementProblem = {
    buffers: [{ id: "wide", lower: 0, upper: 1, size: 5 }, {
      id: "long",
      lower: 0,
      upper: 10,
      size: 1,
    }],
  };
  assert.deepEqual([...placeGreedyArea(p).offsets], [1, 0]);
});

Deno.test("greedy-area gives valid placements on random problems", () => {
  checkPlacerOnRandomProblems(placeGreedyArea);
});
