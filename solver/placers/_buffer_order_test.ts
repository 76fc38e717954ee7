import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { countingOrderAscending, orderByKeysDescending, sortTies } from "./_buffer_order.ts";

/** The definition: one comparator sort over every key, then the index. */
function reference(n: number, keys: Float64Array[]): Int32Array {
  const order = Int32Array.from({ length: n }, (_, i) => i);
  return order.sort((a, b) => {
    for (const k of keys) if (k[b] !== k[a]) return k[b] - k[a];
    return a - b;
  });
}

Deno.test("orderByKeysDescending: the counting path orders as one comparator sort", () => {
  // Small integer first keys take the counting sort; long runs of ties and
  // repeated later keys exercise both ways of ordering a run.
  const problem = fc.array(
    fc.tuple(fc.integer({ min: -40, max: 0 }), fc.integer({ min: 0, max: 3 }), fc.double()),
    { maxLength: 300 },
  );
  fc.assert(fc.property(problem, (rows) => {
    const keys = [0, 1, 2].map((j) => Float64Array.from(rows, (r) => r[j]));
    assert.deepEqual(orderByKeysDescending(rows.length, keys), reference(rows.length, keys));
  }));
});

Deno.test("orderByKeysDescending: spread first keys take the radix sort, fractional ones the comparator sort", () => {
  const keys = [Float64Array.from([1e12, 0.5, 1e12, -3]), Float64Array.from([1, 2, 3, 4])];
  assert.deepEqual(orderByKeysDescending(4, keys), reference(4, keys));
  assert.deepEqual(orderByKeysDescending(0, []), new Int32Array(0));
});

Deno.test("countingOrderAscending: the kept indices by key, ties by index, as one comparator sort", () => {
  const rows = fc.array(fc.tuple(fc.integer({ min: -50, max: 400 }), fc.nat({ max: 3 })), {
    maxLength: 200,
  });
  fc.assert(fc.property(rows, fc.boolean(), (rs, keeping) => {
    const key = Float64Array.from(rs, (r) => r[0]);
    const keep = keeping ? Float64Array.from(rs, (r) => r[1]) : undefined;
    const want = rs.map((_, i) => i).filter((i) => keep === undefined || keep[i] > 0)
      .sort((a, b) => key[a] - key[b] || a - b);
    const got = countingOrderAscending(key, keep);
    // A range over 4m + 1024 is left to the caller.
    const kept = want.length, spread = kept && key[want[kept - 1]] - key[want[0]];
    if (spread > 4 * kept + 1024) assert.equal(got, undefined);
    else assert.deepEqual(got, Int32Array.from(want));
  }));
  assert.equal(countingOrderAscending(Float64Array.from([0.5, 1])), undefined);
});

Deno.test("sortTies: runs of equal keys sorted by the comparator, short and long runs alike", () => {
  const rows = fc.array(fc.tuple(fc.nat({ max: 5 }), fc.nat({ max: 9 })), { maxLength: 120 });
  fc.assert(fc.property(rows, (rs) => {
    const key = Float64Array.from(rs, (r) => r[0]), second = rs.map((r) => r[1]);
    const byKey = Int32Array.from(rs.map((_, i) => i).sort((a, b) => key[a] - key[b] || a - b));
    const compare = (a: number, b: number) => second[b] - second[a] || a - b;
    const want = rs.map((_, i) => i).sort((a, b) => key[a] - key[b] || compare(a, b));
    assert.deepEqual(sortTies(byKey, key, compare), Int32Array.from(want));
  }));
});
