import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { indexGraph } from "./indexed_graph.ts";
import { lifetimes, programOrder } from "./lifetimes.ts";
import { placementArena, placementProblem, problemPeakLive } from "./placement_problem.ts";
import { tinyGraph } from "./_fixtures_test_util.ts";

Deno.test("placementProblem: one buffer per tensor, upper = last step + 1", () => {
  const g = indexGraph(tinyGraph());
  const p = placementProblem(g, lifetimes(g, programOrder(g)), { capacity: 30 });
  assert.equal(p.buffers.length, g.tensorCount);
  assert.deepEqual(p.buffers.find((b) => b.id === "a"), { id: "a", lower: 0, upper: 3, size: 8 });
  assert.equal(p.capacity, 30);
  assert.equal(problemPeakLive(p), 22);
});

Deno.test("placementArena: the top of the positive-size buffers; zero sizes and none give 0", () => {
  const problem = {
    buffers: [
      { id: "a", lower: 0, upper: 2, size: 4 },
      { id: "b", lower: 1, upper: 3, size: 2 },
      { id: "z", lower: 0, upper: 1, size: 0 },
    ],
  };
  assert.equal(placementArena(problem, [0, 4, 100]), 6);
  assert.equal(placementArena({ buffers: [] }, []), 0);
});

Deno.test("problemPeakLive: the step-indexed and the sorted paths agree with a naive sweep", () => {
  let seed = 7;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let trial = 0; trial < 200; trial++) {
    // Even trials: small integer steps; odd: fractional or far-apart times (the sorted path).
    const scale = trial % 2 === 0 ? 1 : (trial % 4 === 1 ? 0.37 : 1e7);
    const buffers = Array.from({ length: 1 + Math.floor(rnd() * 30) }, (_, i) => {
      const lower = Math.floor(rnd() * 20) * scale;
      return {
        id: `b${i}`,
        lower,
        upper: lower + Math.floor(rnd() * 8) * scale,
        size: Math.floor(rnd() * 3) * 16,
      };
    });
    let naive = 0;
    for (const at of buffers) {
      let live = 0;
      for (const b of buffers) {
        if (b.size > 0 && b.lower <= at.lower && at.lower < b.upper) live += b.size;
      }
      naive = Math.max(naive, live);
    }
    assert.equal(problemPeakLive({ buffers }), naive, `trial ${trial}`);
  }
});

Deno.test("problemPeakLive: step times, far-apart integer times and fractional times agree", () => {
  const buffer = fc.tuple(fc.nat({ max: 30 }), fc.integer({ min: 1, max: 6 }), fc.nat({ max: 9 }));
  fc.assert(fc.property(fc.array(buffer, { maxLength: 40 }), (rows) => {
    const at = (f: (t: number) => number) => ({
      buffers: rows.map(([lower, length, size], i) => ({
        id: `b${i}`,
        lower: f(lower),
        upper: f(lower + length),
        size,
      })),
    });
    const peak = problemPeakLive(at((t) => t));
    assert.equal(problemPeakLive(at((t) => t * 1e9)), peak); // the radix order
    assert.equal(problemPeakLive(at((t) => t + 0.5)), peak); // the sort and search
  }));
});
