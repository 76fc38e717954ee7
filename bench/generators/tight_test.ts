import assert from "node:assert/strict";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import { tightInstance } from "./tight.ts";

Deno.test("tightInstance: peak live = capacity and the construction verifies, over many seeds", () => {
  for (let seed = 1; seed <= 40; seed++) {
    const t = tightInstance({ seed });
    const n = t.problem.buffers.length;
    assert.ok(n >= 150 && n <= 500, `seed ${seed}: ${n} buffers`);
    assert.equal(problemPeakLive(t.problem), t.capacity, `seed ${seed}`);
    const check = verifyPlacement(t.problem, t.known, { capacity: t.capacity });
    assert.ok(check.ok, `seed ${seed}: ${JSON.stringify(check.violations[0])}`);
    assert.equal(check.arena, t.capacity);
    for (const b of t.problem.buffers) {
      assert.ok(b.size > 0 && b.size % 1024 === 0 && b.lower % 1024 === 0 && b.upper % 1024 === 0);
    }
  }
});

Deno.test("tightInstance: deterministic per seed, different across seeds, honours options", () => {
  assert.deepEqual(tightInstance({ seed: 5 }), tightInstance({ seed: 5 }));
  assert.notDeepEqual(tightInstance({ seed: 5 }).problem, tightInstance({ seed: 6 }).problem);
  const small = tightInstance({ seed: 2, buffers: 12, capacity: 64, horizon: 32, unit: 4 });
  assert.equal(small.problem.buffers.length, 12);
  assert.equal(problemPeakLive(small.problem), 64);
  assert.throws(() => tightInstance({ seed: 1, capacity: 1000 }), /multiples of 1024/);
});
