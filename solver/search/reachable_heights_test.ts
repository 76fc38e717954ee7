import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { bruteForcePlacement } from "../../testkit/brute_force_placement.ts";
import { alignedPeak } from "./_aligned_peak.ts";
import { smallProblem } from "./_arbitraries.ts";
import { MAX_UNITS, reachableHeights } from "./reachable_heights.ts";

const SEED = 20261205;

/** Small problems, sizes sometimes scaled by 1024 (the gcd path) and at most 6 buffers. */
const problems = fc.tuple(smallProblem({ maxBuffers: 6 }), fc.constantFrom(1, 1024)).map(
  ([p, k]): PlacementProblem => ({
    ...p,
    capacity: undefined,
    alignment: (p.alignment ?? 1) * k,
    buffers: p.buffers.map((b) => ({ ...b, size: b.size * k })),
  }),
);

Deno.test("reachableHeights: the optimum is reachable, so the snapped peak never passes it", () => {
  fc.assert(
    fc.property(problems, (p) => {
      const opt = bruteForcePlacement(p).arena;
      const h = reachableHeights(p, opt);
      const peak = Math.max(problemPeakLive(p), alignedPeak(p));
      assert.equal(h.atLeast(opt), opt, "the optimum is a reachable height");
      assert.ok(h.atLeast(peak) <= opt, `bound ${h.atLeast(peak)} above optimum ${opt}`);
      assert.ok(h.atMost(opt) === opt);
    }),
    { seed: SEED, numRuns: 300 },
  );
});

Deno.test("reachableHeights: the bitset agrees with the sums enumerated one by one", () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: 1, max: 9 }), { minLength: 1, maxLength: 8 }),
      fc.constantFrom(1, 2, 4),
      fc.integer({ min: 0, max: 60 }),
      (sizes, align, h) => {
        const p: PlacementProblem = {
          alignment: align,
          buffers: sizes.map((size, i) => ({ id: `b${i}`, lower: 0, upper: 1, size })),
        };
        // Every subset of rounded sizes plus one top size (a superset of the chains).
        const round = (s: number) => Math.ceil(s / align) * align;
        let below = new Set([0]);
        for (const s of sizes) below = new Set([...below, ...[...below].map((x) => x + round(s))]);
        const tops = new Set([0]);
        for (const r of below) for (const s of sizes) tops.add(r + s);
        const all = align === 1 ? below : tops;
        const heights = reachableHeights(p, 200); // above every sum drawn
        const up = [...all].filter((x) => x >= h).sort((a, b) => a - b)[0];
        const down = [...all].filter((x) => x <= h).sort((a, b) => b - a)[0];
        if (up !== undefined) assert.equal(heights.atLeast(h), up);
        else assert.ok(heights.atLeast(h) >= h); // nothing reachable: any height ≥ h is a safe answer
        assert.equal(heights.atMost(h), down);
      },
    ),
    { seed: SEED, numRuns: 300 },
  );
});

Deno.test("reachableHeights: past the cap every height counts (weaker, never wrong)", () => {
  const p = { buffers: [{ id: "a", lower: 0, upper: 1, size: 3 }] };
  const h = reachableHeights(p, 3 * (MAX_UNITS + 1));
  assert.equal(h.exact, false);
  assert.equal(h.atLeast(7), 7);
  assert.equal(reachableHeights({ buffers: [] }, 10).exact, false);
});

Deno.test("reachableHeights: heights past the computed range are the next multiple of the gcd", () => {
  const p = { buffers: [{ id: "a", lower: 0, upper: 1, size: 1024 }] };
  const h = reachableHeights(p, 2048);
  assert.equal(h.exact, true);
  assert.equal(h.atLeast(1500), 3072); // only 1024 fits under 2048; 3072 is past the bitset
  assert.equal(h.atMost(1500), 1024);
});
