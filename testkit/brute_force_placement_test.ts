import assert from "node:assert/strict";
import { alignedChain, staircase } from "../solver/search/_fixtures.ts";
import { assertPlacementValid } from "./assert_valid.ts";
import { bruteForcePlacement } from "./brute_force_placement.ts";
import { randomProblem } from "./random_problem.ts";

Deno.test("the brute force agrees with the worked-out fixtures", () => {
  const stairs = bruteForcePlacement(staircase());
  assert.equal(stairs.arena, 6);
  assertPlacementValid(staircase(), stairs.offsets);
  assert.equal(bruteForcePlacement(alignedChain()).arena, 6);
  assertPlacementValid(alignedChain(), bruteForcePlacement(alignedChain()).offsets);
  assert.equal(bruteForcePlacement({ buffers: [] }).arena, 0);
});

Deno.test("the brute force's offsets are valid and reach its arena (random problems)", () => {
  for (let seed = 1; seed <= 30; seed++) {
    const p = randomProblem({ seed, n: 6, horizon: 6, maxSize: 9, alignment: seed % 3 ? 1 : 4 });
    const r = bruteForcePlacement(p);
    assertPlacementValid(p, r.offsets);
    let top = 0;
    p.buffers.forEach((b, i) => b.size > 0 && (top = Math.max(top, r.offsets[i] + b.size)));
    assert.equal(top, r.arena, `seed ${seed}`);
  }
});
