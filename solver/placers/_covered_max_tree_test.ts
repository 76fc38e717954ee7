import assert from "node:assert/strict";
import { seeded } from "../../testkit/mod.ts";
import { CoveredMaxTree } from "./_covered_max_tree.ts";

Deno.test("CoveredMaxTree agrees with arrays under random range additions", () => {
  for (let seed = 1; seed <= 30; seed++) {
    const rnd = seeded(seed);
    const n = 1 + Math.floor(rnd() * 30);
    const load = Float64Array.from({ length: n }, () => Math.floor(rnd() * 50));
    const count = new Int32Array(n);
    const tree = new CoveredMaxTree(load.slice());
    const added: [number, number][] = []; // count ranges that may be taken back
    for (let step = 0; step < 300; step++) {
      const r = rnd();
      if (r < 0.35) {
        const a = Math.floor(rnd() * n), b = a + 1 + Math.floor(rnd() * (n - a));
        tree.addCount(a, b, 1);
        for (let s = a; s < b; s++) count[s]++;
        added.push([a, b]);
      } else if (r < 0.6 && added.length > 0) {
        const [a, b] = added.splice(Math.floor(rnd() * added.length), 1)[0];
        tree.addCount(a, b, -1);
        for (let s = a; s < b; s++) count[s]--;
      } else if (r < 0.8) {
        const a = Math.floor(rnd() * n), b = a + 1 + Math.floor(rnd() * (n - a));
        const v = Math.floor(rnd() * 21) - 10;
        tree.addLoad(a, b, v);
        for (let s = a; s < b; s++) load[s] += v;
      }
      let want = -1;
      for (let s = 0; s < n; s++) if (count[s] > 0 && (want < 0 || load[s] > load[want])) want = s;
      assert.equal(tree.argmax(), want, `seed ${seed}, step ${step}`);
    }
  }
});
