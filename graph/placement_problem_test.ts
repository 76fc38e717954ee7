import assert from "node:assert/strict";
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
