import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { orderBy32BitKeys, radixSort, radixSortable, sortedOrder } from "./sorted_order.ts";
import { withScratch } from "./scratch.ts";

/** Positions by value, ties by position: the definition. */
function byComparison(values: number[]): Int32Array {
  return Int32Array.from(values.map((_, i) => i).sort((a, b) => values[a] - values[b] || a - b));
}

Deno.test("sortedOrder: the radix sort and the comparison sort order alike", () => {
  const value = fc.oneof(
    fc.nat({ max: 50 }),
    fc.maxSafeNat(),
    fc.constantFrom(2 ** 32, 2 ** 32 + 1, 2 ** 44, 2 ** 53 - 1),
  );
  fc.assert(fc.property(fc.array(value, { maxLength: 60 }), (values) => {
    const xs = Float64Array.from(values);
    assert.ok(radixSortable(xs));
    assert.deepEqual(sortedOrder(xs), byComparison(values));
    const fractions = values.map((x) => x / 2 + 0.25); // not radix-sortable
    assert.deepEqual(sortedOrder(Float64Array.from(fractions)), byComparison(fractions));
  }));
});

Deno.test("sortedOrder: values already in order, equal ones included, keep their positions", () => {
  fc.assert(fc.property(fc.array(fc.nat({ max: 20 }), { maxLength: 60 }), (values) => {
    const up = [...values].sort((a, b) => a - b);
    assert.deepEqual(sortedOrder(Float64Array.from(up)), Int32Array.from(up.keys()));
    // One value out of place: sorted, not taken as in order.
    const down = [...up, -1];
    assert.deepEqual(sortedOrder(Float64Array.from(down)), byComparison(down));
  }));
});

Deno.test("radixSort: results stay as sorted after later sorts reuse the scratch", () => {
  const value = fc.oneof(fc.nat({ max: 5000 }), fc.maxSafeNat(), fc.nat());
  fc.assert(fc.property(
    fc.array(value, { minLength: 1, maxLength: 80 }),
    fc.array(value, { minLength: 1, maxLength: 80 }),
    fc.boolean(),
    (a, b, keys) => {
      const first = radixSort(Float64Array.from(a), { keys });
      const kept = keys ? { lo: first.lo.slice(), hi: first.hi.slice() } : undefined;
      const second = radixSort(Float64Array.from(b));
      radixSort(Float64Array.from(a.map((x) => x + 1)), { keys: false });
      assert.deepEqual(first.pos, byComparison(a));
      assert.deepEqual(second.pos, byComparison(b));
      if (kept) assert.deepEqual([first.lo, first.hi], [kept.lo, kept.hi]);
      // The words rebuild the values in order.
      const sorted = [...b].sort((x, y) => x - y);
      const words = [...second.lo].map((lo, r) => (second.hi[r] ?? 0) * 2 ** 32 + lo);
      assert.deepEqual(words, sorted);
    },
  ));
});

Deno.test("orderBy32BitKeys: the stable order by value, or false on long runs of a key", () => {
  // Values up to 2^53 - 1, drawn around a few centres so that some share
  // their top 32 bits and some are equal.
  const value = fc.oneof(
    fc.nat(1000),
    fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }),
    fc.tuple(fc.integer({ min: 0, max: 2 ** 20 }), fc.nat(3000)).map(([c, d]) => c * 2 ** 30 + d),
  );
  fc.assert(
    fc.property(fc.array(value, { maxLength: 400 }), (list) => {
      const values = Float64Array.from(list);
      const want = Int32Array.from(list.keys()).sort((a, b) => values[a] - values[b] || a - b);
      const order = new Int32Array(values.length);
      const done = withScratch((mem) => orderBy32BitKeys(values, order, mem));
      if (done) assert.deepEqual(order, want);
      else assert.ok(values.length > 64, "refused only a run of more than 64");
      // Outside a scope, with fresh arrays: the same.
      const again = new Int32Array(values.length);
      assert.equal(orderBy32BitKeys(values, again), done);
      if (done) assert.deepEqual(again, want);
    }),
  );
  // Spread values are sorted, packed ones refused.
  const spread = Float64Array.from({ length: 5000 }, (_, i) => ((i * 7919) % 5000) * 2 ** 30);
  assert.equal(orderBy32BitKeys(spread, new Int32Array(5000)), true);
  const packed = Float64Array.from({ length: 5000 }, (_, i) => i === 0 ? 2 ** 52 : i);
  assert.equal(orderBy32BitKeys(packed, new Int32Array(5000)), false);
});
