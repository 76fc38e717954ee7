import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { coordinateRanks } from "./coordinate_ranks.ts";

/** Ranks by definition: how many distinct values lie below each one. */
function naiveRanks(values: number[]): { rank: number[]; distinct: number } {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  return {
    rank: values.map((x) => distinct.filter((d) => d < x).length),
    distinct: distinct.length,
  };
}

Deno.test("coordinateRanks: worked example, repeats share a rank", () => {
  const r = coordinateRanks(Float64Array.from([40, 8, 40, 0]));
  assert.deepEqual(Array.from(r.rank), [2, 1, 2, 0]);
  assert.equal(r.distinct, 3);
});

Deno.test("coordinateRanks: empty input", () => {
  const r = coordinateRanks(new Float64Array(0));
  assert.equal(r.rank.length, 0);
  assert.equal(r.distinct, 0);
});

Deno.test("coordinateRanks: values that differ only above 2^32 or in one low digit", () => {
  const xs = [2 ** 32, 0, 2 ** 32 + 1, 2 ** 52 + 2 ** 32, 1, 2 ** 53 - 1, 2048, 2047];
  assert.deepEqual(coordinateRanks(Float64Array.from(xs)), {
    rank: Int32Array.from(naiveRanks(xs).rank),
    distinct: xs.length,
  });
});

Deno.test("coordinateRanks: agrees with the definition on safe integers and on any finite numbers", () => {
  const safe = fc.oneof(
    fc.integer({ min: 0, max: 5000 }),
    fc.maxSafeNat(),
    fc.constantFrom(0, 2 ** 32 - 1, 2 ** 32, 2 ** 53 - 1),
  );
  const anyFinite = fc.oneof(
    safe,
    fc.double({ noNaN: true, noDefaultInfinity: true }),
    fc.constant(-8),
  );
  for (const arb of [safe, anyFinite]) {
    fc.assert(
      fc.property(fc.array(arb, { maxLength: 300 }), (xs) => {
        const got = coordinateRanks(Float64Array.from(xs));
        const want = naiveRanks(xs.map((x) => (Object.is(x, -0) ? 0 : x)));
        assert.deepEqual(Array.from(got.rank), want.rank);
        assert.equal(got.distinct, want.distinct);
      }),
      { seed: 6006, numRuns: 300 },
    );
  }
});
