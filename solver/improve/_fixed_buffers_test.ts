import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { FixedBuffers } from "./_fixed_buffers.ts";

/** The definition: every span met, sorted by start, swept for the lowest (or smallest) gap. */
function naiveGap(
  i: number,
  others: number[],
  at: { lower: number[]; upper: number[]; size: number[] },
  offsetOf: (j: number) => number,
  bestFit: boolean,
): number {
  const spans = others
    .filter((j) => at.size[j] > 0 && at.lower[j] < at.upper[i] && at.upper[j] > at.lower[i])
    .map((j) => [offsetOf(j), offsetOf(j) + at.size[j]])
    .sort((x, y) => x[0] - y[0]);
  let cur = 0, best = -1, bestGap = Infinity;
  for (const [s, e] of spans) {
    if (s - cur >= at.size[i]) {
      if (!bestFit) return cur;
      if (s - cur < bestGap) (best = cur), (bestGap = s - cur);
    }
    cur = Math.max(cur, e);
  }
  return best >= 0 ? best : cur;
}

Deno.test("FixedBuffers: the same gaps as sorting every span met, long and short lifespans alike", () => {
  const buffer = fc.record({
    lower: fc.nat(60),
    length: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 80 })),
    size: fc.nat(5),
    offset: fc.nat(20),
    lifted: fc.boolean(),
  });
  fc.assert(
    fc.property(fc.array(buffer, { minLength: 1, maxLength: 120 }), fc.boolean(), (bs, bestFit) => {
      const lower = bs.map((b) => b.lower), upper = bs.map((b) => b.lower + b.length);
      const size = bs.map((b) => b.size), offset = bs.map((b) => b.offset);
      const at = { lower, upper, size };
      const fixed = new FixedBuffers({
        lower: Float64Array.from(lower),
        upper: Float64Array.from(upper),
        size: Float64Array.from(size),
        offsets: Float64Array.from(offset),
      });
      const lifted = bs.map((b, i) => b.lifted && b.size > 0 ? i : -1).filter((i) => i >= 0);
      const flags = Uint8Array.from(bs, (b) => b.lifted && b.size > 0 ? 1 : 0);
      fixed.collect(flags, Math.min(...lower), Math.max(...upper));
      const staying = bs.map((_, i) => i).filter((i) => !flags[i]);
      // Place the lifted ones one by one, as a round does, checking each gap.
      const placedAt = new Float64Array(bs.length);
      const placed: number[] = [];
      for (const i of lifted) {
        const want = naiveGap(
          i,
          [...staying, ...placed],
          at,
          (j) => flags[j] ? placedAt[j] : offset[j],
          bestFit,
        );
        const got = fixed.gapFor(i, placed, placedAt, bestFit);
        assert.equal(got, want);
        placedAt[i] = got;
        placed.push(i);
        placed.sort((x, y) => placedAt[x] - placedAt[y]);
      }
    }),
  );
});

Deno.test("FixedBuffers: after moved, the order by offset is kept", () => {
  // a at 0 and b at 4 (4 bytes each), then a moves to 8; c (6 bytes) is
  // lifted. Free below: [0, 4), too small; so c goes on top, at 12. In the
  // stale order (a first) the sweep would see a at 8 and take 0, over b.
  const offsets = Float64Array.from([0, 4, 0]);
  const fixed = new FixedBuffers({
    lower: Float64Array.from([0, 0, 0]),
    upper: Float64Array.from([2, 2, 2]),
    size: Float64Array.from([4, 4, 6]),
    offsets,
  });
  offsets[0] = 8;
  fixed.moved([0]);
  fixed.collect(Uint8Array.from([0, 0, 1]), 0, 2);
  assert.equal(fixed.gapFor(2, [], new Float64Array(3), false), 12);
});
