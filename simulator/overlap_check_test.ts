import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { checkOverlaps } from "./overlap_check.ts";
import { ViolationLog } from "./violations.ts";

/** Overlapping pairs by comparing every two tensors. */
function pairsByHand(first: number[], last: number[], offsets: number[], sizes: number[]): number {
  let pairs = 0;
  for (let a = 0; a < sizes.length; a++) {
    for (let b = a + 1; b < sizes.length; b++) {
      const placed = (t: number) =>
        sizes[t] > 0 && !Number.isNaN(offsets[t]) && first[t] <= last[t];
      if (!placed(a) || !placed(b)) continue;
      const together = first[a] <= last[b] && first[b] <= last[a];
      const share = offsets[a] < offsets[b] + sizes[b] && offsets[b] < offsets[a] + sizes[a];
      if (together && share) pairs++;
    }
  }
  return pairs;
}

Deno.test("checkOverlaps counts every overlapping pair, none when there are none", () => {
  const tensor = fc.record({
    first: fc.nat({ max: 8 }),
    length: fc.nat({ max: 4 }),
    // Fractions take the comparison sort of offsets, integers the radix sort.
    // Offsets past 2^32 take the radix sort's high words.
    offset: fc.oneof(
      fc.nat({ max: 40 }),
      fc.nat({ max: 80 }).map((x) => x / 2),
      fc.nat({ max: 40 }).map((x) => x * 2 ** 31),
      fc.constant(NaN),
    ),
    size: fc.nat({ max: 10 }),
  });
  let clean = 0;
  fc.assert(
    // As many steps as the lifespans use (the last step holds allocations),
    // or more.
    fc.property(fc.array(tensor, { maxLength: 25 }), fc.nat({ max: 2 }), (ts, spare) => {
      const first = ts.map((t) => t.first), last = ts.map((t) => t.first + t.length);
      const offsets = ts.map((t) => t.offset), sizes = ts.map((t) => t.size);
      const want = pairsByHand(first, last, offsets, sizes);
      if (want === 0) clean++;
      const log = new ViolationLog(1000);
      const got = checkOverlaps({
        first: Int32Array.from(first),
        last: Int32Array.from(last),
        offsets: Float64Array.from(offsets),
        sizes: Float64Array.from(sizes),
        ids: ts.map((_, i) => `t${i}`),
        steps: Math.max(0, ...first, ...last) + 1 + spare,
      }, log);
      assert.equal(got, want);
      assert.equal(log.list.length, want);
    }),
    { numRuns: 500, seed: 7 },
  );
  assert.ok(clean > 50, `${clean} plans without an overlap`); // both ways were taken
});

Deno.test("checkOverlaps: tensors alive at the last step only are checked too", () => {
  // b and c exist at step 2, the last; a spans all three.
  const input = {
    first: Int32Array.from([0, 2, 2]),
    last: Int32Array.from([2, 2, 2]),
    offsets: Float64Array.from([0, 8, 12]),
    sizes: Float64Array.from([8, 8, 8]),
    ids: ["a", "b", "c"],
    steps: 3,
  };
  assert.equal(checkOverlaps(input, new ViolationLog()), 1); // b and c
  input.offsets[2] = 16;
  assert.equal(checkOverlaps(input, new ViolationLog()), 0);
  input.offsets[1] = 4; // b meets a
  assert.equal(checkOverlaps(input, new ViolationLog()), 1);
});
