import assert from "node:assert/strict";
import { seeded } from "../../testkit/mod.ts";
import { ChmaxTree } from "./_chmax_tree.ts";

Deno.test("ChmaxTree agrees with an array under random raises and queries", () => {
  for (let seed = 1; seed <= 30; seed++) {
    const rnd = seeded(seed);
    const n = 1 + Math.floor(rnd() * 40);
    const tree = new ChmaxTree(n), h = new Float64Array(n);
    for (let step = 0; step < 200; step++) {
      const a = Math.floor(rnd() * n), b = a + 1 + Math.floor(rnd() * (n - a));
      if (rnd() < 0.5) {
        const t = Math.floor(rnd() * 100);
        tree.raise(a, b, t);
        for (let s = a; s < b; s++) h[s] = Math.max(h[s], t);
      } else {
        let want = 0;
        for (let s = a; s < b; s++) want = Math.max(want, h[s]);
        assert.equal(tree.max(a, b), want, `seed ${seed}, step ${step}: max(${a}, ${b})`);
      }
    }
  }
});

Deno.test("ChmaxTree: empty ranges change nothing and read 0", () => {
  const tree = new ChmaxTree(3);
  tree.raise(2, 2, 9);
  assert.equal(tree.max(0, 3), 0);
  tree.raise(0, 3, 5);
  assert.equal(tree.max(1, 1), 0);
});
