import assert from "node:assert/strict";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import { llmInstance } from "../../bench/generators/llm.ts";
import { placeFirstFit } from "../placers/first_fit.ts";
import { improveLarge } from "./improve_large.ts";

Deno.test("improveLarge: a passed deadline returns the greedy start and says it stopped", () => {
  const problem = llmInstance({ buffers: 600, seed: 1 });
  const start = placeFirstFit(problem);
  const r = improveLarge(problem, start, { bound: problemPeakLive(problem), deadline: 0 });
  assert.deepEqual([r.offsets, r.arena, r.note], [
    start.offsets,
    start.arena,
    "stopped at the time limit",
  ]);
});

Deno.test("improveLarge: a capacity already met ends it unless minimising; never worse", () => {
  const problem = llmInstance({ buffers: 600, seed: 2 });
  const start = placeFirstFit(problem);
  const bound = problemPeakLive(problem);
  const met = improveLarge(problem, start, { bound, capacity: start.arena, deadline: Infinity });
  assert.equal(met, start);
  const soon = performance.now() + 200;
  const r = improveLarge(problem, start, {
    bound,
    capacity: start.arena,
    minimize: true,
    deadline: soon,
  });
  assert.ok(r.arena <= start.arena && r.arena >= bound);
  assert.ok(verifyPlacement(problem, r.offsets).ok);
});
