import assert from "node:assert/strict";
import { seeded } from "../../testkit/mod.ts";
import { StabMin } from "./_stab_min.ts";

Deno.test("StabMin agrees with a scan under inserts, deaths and re-inserts", () => {
  for (let seed = 1; seed <= 30; seed++) {
    const rnd = seeded(seed);
    const n = 1 + Math.floor(rnd() * 30), items = 1 + Math.floor(rnd() * 25);
    // A random ranking: a permutation of the items.
    const order = Array.from({ length: items }, (_, i) => i).sort(() => rnd() - 0.5);
    const rank = new Int32Array(items);
    order.forEach((item, r) => rank[item] = r);
    const stint = new Int32Array(items), alive = new Uint8Array(items);
    const from = new Int32Array(items), to = new Int32Array(items);
    const s = new StabMin(n, rank, (item, k) => alive[item] === 1 && stint[item] === k);
    for (let step = 0; step < 300; step++) {
      const item = Math.floor(rnd() * items);
      if (alive[item] === 1 && rnd() < 0.5) alive[item] = 0;
      else if (alive[item] === 0) {
        from[item] = Math.floor(rnd() * n);
        to[item] = from[item] + 1 + Math.floor(rnd() * (n - from[item]));
        stint[item]++;
        alive[item] = 1;
        s.insert(from[item], to[item], item, stint[item]);
      }
      const at = Math.floor(rnd() * n);
      let want = -1;
      for (let i = 0; i < items; i++) {
        if (alive[i] === 1 && from[i] <= at && at < to[i] && (want < 0 || rank[i] < rank[want])) {
          want = i;
        }
      }
      assert.equal(s.best(at), want, `seed ${seed}, step ${step}, section ${at}`);
    }
  }
});
