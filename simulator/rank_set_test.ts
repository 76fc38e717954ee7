import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { RankSet } from "./rank_set.ts";

Deno.test("RankSet: nearest members below and above, against a sorted list", () => {
  // Sizes across one, two and three levels of words.
  const ops = fc.array(fc.tuple(fc.boolean(), fc.nat()), { maxLength: 300 });
  fc.assert(fc.property(fc.constantFrom(1, 31, 32, 33, 1024, 1025, 40000), ops, (n, list) => {
    const set = new RankSet(n);
    const members = new Set<number>();
    for (const [adding, x] of list) {
      const r = x % n;
      if (adding) (set.add(r), members.add(r));
      else (set.delete(r), members.delete(r));
      const sorted = [...members].sort((a, b) => a - b);
      const q = (x * 7919) % n;
      assert.equal(set.below(q), sorted.filter((m) => m < q).at(-1) ?? -1);
      assert.equal(set.above(q), sorted.find((m) => m > q) ?? -1);
    }
  }));
});
