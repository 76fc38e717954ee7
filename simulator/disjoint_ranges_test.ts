import assert from "node:assert/strict";
import fc from "fast-check";
import { DisjointRanges } from "./disjoint_ranges.ts";

Deno.test("DisjointRanges refuses exactly the ranges that meet one held (against a list)", () => {
  const op = fc.tuple(fc.boolean(), fc.nat({ max: 60 }), fc.integer({ min: 1, max: 12 }));
  fc.assert(fc.property(fc.array(op, { maxLength: 200 }), (ops) => {
    const set = new DisjointRanges(1); // grows as needed
    const held: [number, number][] = [];
    for (const [removing, start, length] of ops) {
      if (removing && held.length > 0) {
        const [s] = held.splice(start % held.length, 1)[0];
        set.remove(s);
        continue;
      }
      const end = start + length;
      const meets = held.some(([s, e]) => s < end && start < e);
      assert.equal(set.add(start, end), !meets);
      if (!meets) held.push([start, end]);
    }
  }));
});
