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
    offset: fc.oneof(fc.nat({ max: 40 }), fc.nat({ max: 80 }).map((x) => x / 2), fc.constant(NaN)),
    size: fc.nat({ max: 10 }),
  });
  let clean = 0;
  fc.assert(
    fc.property(fc.array(tensor, { maxLength: 25 }), (ts) => {
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
        steps: 13,
      }, log);
      assert.equal(got, want);
      assert.equal(log.list.length, want);
    }),
    { numRuns: 500, seed: 7 },
  );
  assert.ok(clean > 50, `${clean} plans without an overlap`); // both ways were taken
});
