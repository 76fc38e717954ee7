import assert from "node:assert/strict";
import { bruteForceOptimum, bruteForcePlacement } from "./_brute_force.ts";
import { alignedChain, staircase } from "./_fixtures.ts";
import { assertPlacementValid } from "../_testing.ts";

Deno.test("the brute force agrees with the worked-out fixtures", () => {
  assert.equal(bruteForceOptimum(staircase()), 6);
  const fit = bruteForcePlacement(staircase(), 6)!;
  assertPlacementValid(staircase(), fit);
  assert.equal(bruteForcePlacement(staircase(), 5), undefined);
  assert.equal(bruteForceOptimum(alignedChain()), 6);
  assert.equal(bruteForcePlacement(alignedChain(), 5), undefined);
  assert.equal(bruteForceOptimum({ buffers: [] }), 0);
});
