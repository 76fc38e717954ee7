import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { orderByKeysDescending } from "./_buffer_order.ts";

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
