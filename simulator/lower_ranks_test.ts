import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { lowerRanks } from "./lower_ranks.ts";

Deno.test("lowerRanks: counting by time and sorting agree, far-apart and fractional times too", () => {
  const lifespans = fc.array(fc.tuple(fc.nat({ max: 60 }), fc.nat({ max: 60 })), { maxLength: 40 });
  fc.assert(fc.property(lifespans, (spans) => {
    const lower = Float64Array.from(spans, ([a]) => a);
    const upper = Float64Array.from(spans, ([a, len]) => a + len + 1);
    const counted = lowerRanks(lower, upper);
    // Times a billion apart are integers but not step numbers: sorted, not counted.
    const far = (a: Float64Array) => a.map((x) => x * 1e9);
    // A fractional time sends the same times through the sorting path.
    const shifted = (a: Float64Array) => a.map((x) => x + 0.5);
    const ordered = lowerRanks(far(lower), far(upper));
    const sorted = lowerRanks(shifted(lower), shifted(upper));
    for (const other of [ordered, sorted]) {
      assert.deepEqual(counted.first, other.first);
      assert.deepEqual(counted.last, other.last);
    }
    assert.deepEqual(counted.lowers, ordered.lowers.map((x) => x / 1e9));
    assert.deepEqual(counted.lowers, sorted.lowers.map((x) => x - 0.5));
  }));
});

Deno.test("lowerRanks: far-apart times", () => {
  const r = lowerRanks(Float64Array.from([0, 1e12]), Float64Array.from([1e12, 1e12 + 1]));
  assert.deepEqual([...r.lowers, ...r.first, ...r.last], [0, 1e12, 0, 1, 0, 1]);
});
