import assert from "node:assert/strict";
import fc from "fast-check";
import { lowerRanks } from "./lower_ranks.ts";

Deno.test("lowerRanks: counting by time and sorting agree", () => {
  const lifespans = fc.array(fc.tuple(fc.nat({ max: 60 }), fc.nat({ max: 60 })), { maxLength: 40 });
  fc.assert(fc.property(lifespans, (spans) => {
    const lower = Float64Array.from(spans, ([a]) => a);
    const upper = Float64Array.from(spans, ([a, len]) => a + len + 1);
    // A fractional time sends the same times through the sorting path.
    const shifted = (a: Float64Array) => a.map((x) => x + 0.5);
    const counted = lowerRanks(lower, upper), sorted = lowerRanks(shifted(lower), shifted(upper));
    assert.deepEqual(counted.first, sorted.first);
    assert.deepEqual(counted.last, sorted.last);
    assert.deepEqual(counted.lowers, sorted.lowers.map((x) => x - 0.5));
  }));
});

Deno.test("lowerRanks: far-apart times take the sorting path", () => {
  const r = lowerRanks(Float64Array.from([0, 1e12]), Float64Array.from([1e12, 1e12 + 1]));
  assert.deepEqual([...r.lowers, ...r.first, ...r.last], [0, 1e12, 0, 1, 0, 1]);
});
