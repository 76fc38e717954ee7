import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { countAtMost, countBelow, distinctSorted } from "./_sorted.ts";

Deno.test("sorted: worked examples", () => {
  const a = Float64Array.from([1, 3, 3, 7]);
  assert.equal(countBelow(a, 3), 1);
  assert.equal(countAtMost(a, 3), 3);
  assert.equal(countBelow(a, 0), 0);
  assert.equal(countAtMost(a, 9), 4);
  assert.deepEqual(Array.from(distinctSorted([7, 1, 3, 1])), [1, 3, 7]);
});

Deno.test("sorted: counts agree with a filter on random arrays", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -5, max: 5 })),
      fc.integer({ min: -6, max: 6 }),
      (xs, x) => {
        const a = Float64Array.from(xs).sort();
        assert.equal(countBelow(a, x), xs.filter((v) => v < x).length);
        assert.equal(countAtMost(a, x), xs.filter((v) => v <= x).length);
        assert.deepEqual(Array.from(distinctSorted(xs)), [...new Set(xs)].sort((p, q) => p - q));
      },
    ),
    { seed: 6006 },
  );
});
