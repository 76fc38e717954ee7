import assert from "node:assert/strict";
import { randomProblem } from "../../testkit/mod.ts";
import { conflictWeights } from "./_conflict_weights.ts";

Deno.test("conflictWeights matches a pairwise count", () => {
  for (let seed = 1; seed <= 30; seed++) {
    const p = randomProblem({ seed, n: 60 });
    const { bytes, degree } = conflictWeights(p);
    p.buffers.forEach((a, i) => {
      let b = 0, d = 0;
      p.buffers.forEach((c, j) => {
        if (i === j || a.size === 0 || c.size === 0) return;
        if (a.lower < c.upper && c.lower < a.upper) {
          b += c.size;
          d++;
        }
      });
      assert.equal(bytes[i], b, `seed ${seed}, buffer ${a.id}`);
      assert.equal(degree[i], d, `seed ${seed}, buffer ${a.id}`);
    });
  }
});
