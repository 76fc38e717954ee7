import assert from "node:assert/strict";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import { mixedInstance, skylineInstance } from "./shapes.ts";
import { tightInstance } from "./tight.ts";

for (const [name, make] of [["skyline", skylineInstance], ["mixed", mixedInstance]] as const) {
  Deno.test(`${name}Instance: a cut of 150–500 buffers whose known placement reaches peak live`, () => {
    for (let seed = 1; seed <= 20; seed++) {
      const g = make({ seed });
      const n = g.problem.buffers.length;
      assert.ok(n >= 150 && n <= 500, `seed ${seed}: ${n} buffers`);
      assert.equal(problemPeakLive(g.problem), g.capacity);
      assert.ok(verifyPlacement(g.problem, g.known, { capacity: g.capacity }).ok, `seed ${seed}`);
      for (const b of g.problem.buffers) assert.equal(b.size % 1024, 0);
    }
  });

  Deno.test(`${name}Instance: same seed same instance, another seed another`, () => {
    assert.deepEqual(make({ seed: 4 }), make({ seed: 4 }));
    assert.notDeepEqual(make({ seed: 4 }).problem, make({ seed: 5 }).problem);
    assert.equal(make({ seed: 4, buffers: 200 }).problem.buffers.length, 200);
  });
}

Deno.test("skylineInstance: lifetimes are longer than the plain cut's", () => {
  const meanSpan = (bs: { lower: number; upper: number }[]) =>
    bs.reduce((a, b) => a + b.upper - b.lower, 0) / bs.length;
  let longer = 0;
  for (let seed = 1; seed <= 10; seed++) {
    const s = skylineInstance({ seed, buffers: 300 }), t = tightInstance({ seed, buffers: 300 });
    if (meanSpan(s.problem.buffers) > meanSpan(t.problem.buffers)) longer++;
  }
  assert.ok(longer >= 8, `${longer} of 10`);
});

Deno.test("mixedInstance: many slivers of at most 4 units", () => {
  const m = mixedInstance({ seed: 3, buffers: 400 });
  const tiny = m.problem.buffers.filter((b) => b.size <= 4 * 1024).length;
  assert.ok(tiny >= 40, `${tiny} slivers`);
});
