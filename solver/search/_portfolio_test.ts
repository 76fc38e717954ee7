import assert from "node:assert/strict";
import { assertPlacementValid, seeded } from "../../testkit/mod.ts";
import { splitComponents } from "./_components.ts";
import { solvePart } from "./_portfolio.ts";
import { tightProblem } from "./_tight_problems.ts";

Deno.test("solvePart restarts until a run ends, and stays complete", () => {
  // Tight problems of 40 buffers: some need more than the first budget.
  let restarted = 0;
  for (let seed = 1; seed <= 30; seed++) {
    const p = tightProblem({ random: seeded(seed), capacity: 64, horizon: 30, buffers: 40 });
    for (const part of splitComponents(p)) {
      const r = solvePart(part, {
        capacity: 64,
        alignment: 1,
        deadline: Infinity,
        firstBudget: 16,
      });
      assert.equal(r.outcome, "found", `seed ${seed}`);
      if (r.runs > 1) restarted++;
      const offsets = new Float64Array(p.buffers.length);
      part.ids.forEach((id, k) => offsets[id] = r.offsets[k]);
      const q = { buffers: Array.from(part.ids, (id) => p.buffers[id]) };
      assertPlacementValid(q, Array.from(part.ids, (id) => offsets[id]));
    }
  }
  assert.ok(restarted > 0, "some part needed a restart");
});

Deno.test("solvePart reports a timeout with its deepest partial placement", () => {
  const p = tightProblem({ random: seeded(153), capacity: 64, horizon: 40, buffers: 150 });
  const [part] = splitComponents(p);
  const r = solvePart(part, {
    capacity: 64,
    alignment: 1,
    deadline: performance.now() - 1, // expired: the first check stops it
    checkEvery: 16,
  });
  assert.equal(r.outcome, "timeout");
  assert.equal(r.offsets.length, part.ids.length);
  assert.ok(r.offsets.some((o) => !Number.isNaN(o)), "some buffers placed");
});
