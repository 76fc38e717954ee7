import assert from "node:assert/strict";
import type { PlacementProblem } from "../graph/types.ts";
import type { Placer } from "../solver/types.ts";
import { EXIT, outcomeExit } from "./exit.ts";
import { placeVerified } from "./place_verified.ts";

const problem: PlacementProblem = {
  buffers: [
    { id: "a", lower: 0, upper: 2, size: 4 },
    { id: "b", lower: 1, upper: 3, size: 4 },
    { id: "c", lower: 3, upper: 4, size: 2 },
  ],
};

Deno.test("placeVerified: a valid placement fits, bounded by peak live", async () => {
  const r = await placeVerified(problem, { placer: "greedy-size", capacity: 8 });
  assert.ok(r.check.ok);
  assert.equal(r.fits, true);
  assert.equal(r.bound.bytes, 8);
  assert.equal(r.gap, 0);
  assert.equal(r.capacity, 8);
  assert.equal(outcomeExit(r), EXIT.ok);
});

Deno.test("placeVerified: a capacity below peak live is not found, not a bug", async () => {
  const r = await placeVerified(problem, { placer: "first-fit", capacity: 7 });
  assert.equal(r.fits, false);
  assert.equal(r.plannerBugCount, 0);
  assert.equal(outcomeExit(r), EXIT.notFound);
});

Deno.test("placeVerified: overlapping offsets are a placer bug, counted", async () => {
  const zero: Placer = {
    name: "zero",
    description: "all at 0 (a planted bug)",
    place: (p) =>
      Promise.resolve({
        offsets: new Float64Array(p.buffers.length),
        arena: 4,
        status: "feasible",
        seconds: 0,
      }),
  };
  const r = await placeVerified(problem, { placer: zero });
  assert.equal(r.plannerBugCount, 1);
  assert.equal(r.plannerBug[0].kind, "overlap");
  assert.equal(outcomeExit(r), EXIT.internal);
});
