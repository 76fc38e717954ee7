import assert from "node:assert/strict";
import { compilerInstance } from "../../bench/generators/large.ts";
import { llmInstance } from "../../bench/generators/llm.ts";
import { placementArena, problemPeakLive } from "../../graph/placement_problem.ts";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import { skeletonStart } from "./skeleton_start.ts";

Deno.test("skeletonStart: valid placements, with the longest-lived buffers packed under the bound", () => {
  for (const seed of [1, 2, 3]) {
    const problem = compilerInstance({ buffers: 3000, seed });
    const bound = problemPeakLive(problem);
    const r = skeletonStart(problem, { bound, deadline: Infinity, sizes: [150] });
    assert.ok(r !== undefined);
    const check = verifyPlacement(problem, r.offsets);
    assert.ok(check.ok, `seed ${seed}: ${check.violationCount} violations`);
    assert.equal(r.arena, placementArena(problem, r.offsets));
    assert.ok(r.arena >= bound);
    assert.equal(r.skeleton, 150);
    // Placed first, in order of the offsets the search packed them at, each
    // skeleton buffer lands no higher than there: under the bound, whenever
    // the search packed them under it (150 long buffers of a 3,000-buffer
    // compiler plan: well under peak live).
    const life = problem.buffers.map((b, i) => ({ i, life: b.upper - b.lower, size: b.size }))
      .filter((b) => b.size > 0)
      .sort((a, b) => b.life - a.life || b.size - a.size || a.i - b.i)
      .slice(0, 150);
    for (const { i, size } of life) assert.ok(r.offsets[i] + size <= bound, `buffer ${i}`);
  }
});

Deno.test("skeletonStart: the lowest of the sizes tried", () => {
  const problem = llmInstance({ buffers: 2000, seed: 5 });
  const bound = problemPeakLive(problem);
  const arenas = [100, 400].map((k) =>
    skeletonStart(problem, { bound, deadline: Infinity, sizes: [k] })!.arena
  );
  const both = skeletonStart(problem, { bound, deadline: Infinity, sizes: [100, 400] })!;
  assert.equal(both.arena, Math.min(...arenas));
});

Deno.test("skeletonStart: nothing when the deadline has passed or the skeleton would be most of the problem", () => {
  const problem = llmInstance({ buffers: 400, seed: 2 });
  const bound = problemPeakLive(problem);
  assert.equal(skeletonStart(problem, { bound, deadline: 0, sizes: [50] }), undefined);
  assert.equal(skeletonStart(problem, { bound, deadline: Infinity, sizes: [300] }), undefined);
});

Deno.test("skeletonStart: aligned offsets and size-0 buffers", () => {
  const base = llmInstance({ buffers: 1500, seed: 7 });
  const buffers = base.buffers.map((b, i) => i % 10 === 0 ? { ...b, size: 0 } : b);
  const problem = { buffers, alignment: 256 };
  const r = skeletonStart(problem, {
    bound: problemPeakLive(problem),
    deadline: Infinity,
    sizes: [200],
  })!;
  const check = verifyPlacement(problem, r.offsets);
  assert.ok(check.ok, `${check.violationCount} violations: ${JSON.stringify(check.violations[0])}`);
  assert.ok([...r.offsets].every((o) => o % 256 === 0));
});
