import assert from "node:assert/strict";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import { bruteForcePlacement } from "../../testkit/brute_force_placement.ts";
import { GADGET, gadgetInstance } from "./gadget.ts";

const gadget = (scale = 1) => ({
  buffers: GADGET.map(([lower, upper, size], i) => ({
    id: `g${i}`,
    lower,
    upper,
    size: size * scale,
  })),
});

Deno.test("the gadget: peak live 4, optimum 5 by brute force; every proper subset fits in 4", () => {
  assert.equal(problemPeakLive(gadget()), 4);
  assert.equal(bruteForcePlacement(gadget()).arena, 5);
  for (let drop = 0; drop < GADGET.length; drop++) {
    const p = gadget();
    p.buffers.splice(drop, 1);
    assert.equal(bruteForcePlacement(p).arena, 4, `without buffer ${drop}`);
  }
});

Deno.test("gadgetInstance: peak live 2^20 < bound ≤ known arena, over many seeds", () => {
  for (let seed = 1; seed <= 30; seed++) {
    const g = gadgetInstance({ seed });
    const n = g.problem.buffers.length;
    assert.ok(n >= 150 && n <= 500, `seed ${seed}: ${n} buffers`);
    assert.equal(problemPeakLive(g.problem), 1 << 20, `seed ${seed}`);
    assert.ok(g.bound > 1 << 20 && g.bound <= g.capacity);
    const check = verifyPlacement(g.problem, g.known, { capacity: g.capacity });
    assert.ok(check.ok, `seed ${seed}: ${JSON.stringify(check.violations[0])}`);
    // The scaled gadget is among the buffers: its optimum is the bound.
    const s = g.bound / 5;
    const counts = new Map<number, number>();
    for (const b of g.problem.buffers) counts.set(b.size, (counts.get(b.size) ?? 0) + 1);
    assert.ok((counts.get(2 * s) ?? 0) >= 4 && (counts.get(s) ?? 0) >= 3);
  }
  assert.deepEqual(gadgetInstance({ seed: 3 }), gadgetInstance({ seed: 3 }));
  assert.notDeepEqual(gadgetInstance({ seed: 3 }).problem, gadgetInstance({ seed: 4 }).problem);
});
