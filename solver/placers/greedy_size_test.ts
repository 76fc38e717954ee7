import assert from "node:assert/strict";
import { loadMinimallocCsv } from "../../graph/load.ts";
import { assertPlacementValid } from "../../testkit/mod.ts";
import { fourBuffers } from "./_fixtures.ts";
import { checkPlacerOnRandomProblems } from "./_variants_test_util.ts";
import { greedySizePlacer, placeGreedySize } from "./greedy_size.ts";

Deno.test("greedy-size on example.12.csv reaches the peak-live bound, 12", async () => {
  // All sizes are 4, so ties decide: longest lifespan first, b5 [0,21) -> 0,
  // b4 [9,21) -> 4 (above b5), b3 [0,9) -> 4 (b4 does not meet it), b2 [3,9)
  // -> 8 (above b5, b3), b1 [0,3) -> 8 (above b5, b3; b2 only touches it).
  const p = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
  const r = await greedySizePlacer.place(p);
  assert.deepEqual([...r.offsets], [8, 8, 4, 4, 0]);
  assert.equal(r.arena, 12);
  assert.equal(r.bound, 12);
  assert.equal(r.status, "optimal");
  assertPlacementValid(p, r.offsets);
  assert.equal((await greedySizePlacer.place(p, { capacity: 11 })).status, "infeasible");
  assert.equal((await greedySizePlacer.place({ ...p, capacity: 12 })).status, "optimal");
});

Deno.test("greedy-size places largest first into the best gap (four buffers)", () => {
  // Order a(4), c(3), b(2), d(1). a -> 0. c [2,4) does not meet a [0,2): 0.
  // b [1,3) meets a [0,4) and c [0,3): on top, 4. d meets all: on top of b, 6.
  // Arena 7 = peak live 7: optimal.
  const r = placeGreedySize(fourBuffers());
  assert.deepEqual([...r.offsets], [0, 4, 0, 6]);
  assert.equal(r.arena, 7);
  assert.equal(r.status, "optimal");
});

Deno.test("greedy-size gives valid placements on random problems", () => {
  checkPlacerOnRandomProblems(placeGreedySize);
});
