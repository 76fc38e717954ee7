import assert from "node:assert/strict";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import { withHoles } from "./holes.ts";
import { mixedInstance, skylineInstance } from "./shapes.ts";
import { tightInstance } from "./tight.ts";

Deno.test("withHoles: fewer buffers, peak live still the capacity, known placement fits", () => {
  for (let seed = 1; seed <= 20; seed++) {
    for (const g of [tightInstance({ seed }), skylineInstance({ seed }), mixedInstance({ seed })]) {
      const h = withHoles(g, { seed });
      assert.ok(h.problem.buffers.length < g.problem.buffers.length, h.name);
      assert.equal(problemPeakLive(h.problem), h.capacity, h.name);
      assert.ok(verifyPlacement(h.problem, h.known, { capacity: h.capacity }).ok, h.name);
    }
  }
});

Deno.test("withHoles: some time step is no longer full, and names say so", () => {
  const t = tightInstance({ seed: 2 }), h = withHoles(t, { seed: 2, removed: 0.5 });
  const used = new Map<number, number>();
  for (const b of h.problem.buffers) used.set(b.lower, 0);
  for (const b of h.problem.buffers) {
    for (const at of used.keys()) {
      if (b.lower <= at && at < b.upper) used.set(at, used.get(at)! + b.size);
    }
  }
  assert.ok([...used.values()].some((u) => u < h.capacity));
  assert.equal(h.name, "holes-2");
  assert.equal(withHoles(skylineInstance({ seed: 2 }), { seed: 2 }).name, "skyline-holes-2");
});
