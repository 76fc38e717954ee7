import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { AddMaxTree } from "./_add_max_tree.ts";

Deno.test("AddMaxTree: the same maxima as a plain array under random adds", () => {
  fc.assert(fc.property(
    fc.integer({ min: 1, max: 40 }),
    fc.array(fc.tuple(fc.nat(), fc.nat(), fc.integer({ min: -5, max: 9 })), { maxLength: 60 }),
    (size, ops) => {
      const tree = new AddMaxTree(size), plain = new Float64Array(size);
      for (const [a, b, v] of ops) {
        const from = a % size, end = from + 1 + b % (size - from);
        const got = tree.addMax(from, end, v);
        for (let s = from; s < end; s++) plain[s] += v;
        assert.equal(got, Math.max(...plain.subarray(from, end)), `[${from}, ${end})`);
      }
      tree.clear();
      assert.equal(tree.addMax(0, size, 0), 0);
    },
  ));
});
