import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { AddMaxTree } from "./_add_max_tree.ts";

Deno.test("AddMaxTree: the same maxima as a plain array under random adds and queries", () => {
  fc.assert(fc.property(
    fc.integer({ min: 1, max: 40 }),
    fc.array(
      fc.tuple(
        fc.constantFrom("add", "max", "addMax"),
        fc.nat(),
        fc.nat(),
        fc.integer({ min: -5, max: 9 }),
      ),
      { maxLength: 60 },
    ),
    (size, ops) => {
      const tree = new AddMaxTree(size), plain = new Float64Array(size);
      for (const [op, a, b, v] of ops) {
        const from = a % size, end = from + 1 + b % (size - from);
        if (op !== "max") {
          const got = op === "add" ? undefined : tree.addMax(from, end, v);
          if (op === "add") tree.add(from, end, v);
          for (let s = from; s < end; s++) plain[s] += v;
          if (got !== undefined) {
            assert.equal(got, Math.max(...plain.subarray(from, end)), `addMax [${from}, ${end})`);
          }
        } else {
          let m = -Infinity;
          for (let s = from; s < end; s++) m = Math.max(m, plain[s]);
          assert.equal(tree.max(from, end), m, `[${from}, ${end})`);
        }
      }
      tree.clear();
      assert.equal(tree.max(0, size), 0);
    },
  ));
});
