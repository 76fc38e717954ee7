import assert from "node:assert/strict";
import { loadMinimallocCsv } from "../../graph/load.ts";
import { fourBuffers } from "./_fixtures.ts";
import { checkPlacerOnRandomProblems } from "./_variants_test_util.ts";
import { greedyConflictsPlacer, placeGreedyConflicts } from "./greedy_conflicts.ts";

Deno.test("greedy-conflicts places the most constrained buffers first (four buffers)", async () => {
  // Conflicting bytes: a meets b, d: 3; b meets a, c, d: 8; c meets b, d: 3;
  // d meets a, b, c: 9. Order d, b, then a and c (3 bytes, 2 buffers each; a is
  // larger). d -> 0; b meets d: 1; a meets d, b ([0,3) taken): 3; c meets d, b
  // but not a: 3. Arena 7.
  const r = await greedyConflictsPlacer.place(fourBuffers());
  assert.deepEqual([...r.offsets], [3, 1, 3, 0]);
  assert.equal(r.arena, 7);
  assert.equal(r.status, "optimal");
});

Deno.test("greedy-conflicts on example.12.csv reaches 12", async () => {
  const p = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
  assert.equal(placeGreedyConflicts(p).arena, 12);
});

Deno.test("greedy-conflicts gives valid placements on random problems", () => {
  checkPlacerOnRandomProblems(placeGreedyConflicts);
});
