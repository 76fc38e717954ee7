import assert from "node:assert/strict";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import { alignedPeak } from "./_aligned_peak.ts";
import { alignedChain, staircase } from "./_fixtures.ts";

Deno.test("alignedPeak equals peak live without alignment", () => {
  assert.equal(alignedPeak(staircase()), problemPeakLive(staircase()));
  assert.equal(alignedPeak({ buffers: [] }), 0);
});

Deno.test("alignedPeak counts the rounding of every buffer but the top one", () => {
  // Step 3 of the chain: a (4) and b (1 -> 4): 8 - 3 = 5; elsewhere less.
  assert.equal(alignedPeak(alignedChain()), 5);
  // Two buffers of 3 at alignment 4, alive together: 4 + 3.
  const p = {
    alignment: 4,
    buffers: [
      { id: "a", lower: 0, upper: 2, size: 3 },
      { id: "b", lower: 1, upper: 3, size: 3 },
      { id: "c", lower: 5, upper: 6, size: 1 },
    ],
  };
  assert.equal(alignedPeak(p), 7);
  // The most rounding is dropped once the buffer needing it ends.
  const q = {
    alignment: 4,
    buffers: [
      { id: "a", lower: 0, upper: 2, size: 1 },
      { id: "b", lower: 0, upper: 4, size: 4 },
      { id: "c", lower: 2, upper: 4, size: 3 },
      { id: "d", lower: 2, upper: 4, size: 4 },
    ],
  };
  // t0: a(4, rounding 3) + b(4) = 8 - 3 = 5; t2: b + c(4, rounding 1) + d = 12 - 1 = 11.
  assert.equal(alignedPeak(q), 11);
});
