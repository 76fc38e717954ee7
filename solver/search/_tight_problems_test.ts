import assert from "node:assert/strict";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import { assertPlacementValid, seeded } from "../../testkit/mod.ts";
import { tightProblem } from "./_tight_problems.ts";

Deno.test("tightProblem cuts a full strip: peak live = capacity, and the cut fits", () => {
  for (let seed = 1; seed <= 20; seed++) {
    const p = tightProblem({
      random: seeded(seed),
      capacity: 48,
      horizon: 10,
      buffers: 12,
      alignment: seed % 2 ? 1 : 4,
    });
    assert.equal(problemPeakLive(p), 48);
    assert.equal(p.capacity, 48);
    assert.ok(p.buffers.length <= 12);
    const offsets = p.buffers.map((b) => b.offset!);
    assertPlacementValid(p, offsets);
    for (const b of p.buffers) assert.ok(b.offset! + b.size <= 48);
  }
  assert.throws(() =>
    tightProblem({ random: seeded(1), capacity: 6, horizon: 2, buffers: 2, alignment: 4 })
  );
});
