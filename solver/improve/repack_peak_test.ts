import assert from "node:assert/strict";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import { llmInstance } from "../../bench/generators/llm.ts";
import { placeFirstFit } from "../placers/first_fit.ts";
import { repackPeak } from "./repack_peak.ts";
import { foreignStyle } from "../../bench/generators/foreign_style.ts";
import { randomIntervalInstance } from "../../bench/generators/random_intervals.ts";
import { placementArena } from "../../graph/placement_problem.ts";

Deno.test("repackPeak: never worse, always valid, start untouched", () => {
  for (const seed of [1, 2, 3]) {
    const problem = llmInstance({ buffers: 800, seed });
    const start = placeFirstFit(problem);
    const copy = Float64Array.from(start.offsets);
    const r = repackPeak(problem, start.offsets, {
      deadline: Infinity,
      bound: problemPeakLive(problem),
      rounds: 40,
      seed,
    });
    assert.deepEqual(start.offsets, copy);
    const check = verifyPlacement(problem, r.offsets);
    assert.ok(check.ok, `seed ${seed}: ${check.violationCount} violations`);
    assert.equal(check.arena, r.arena);
    assert.ok(r.arena <= start.arena);
    assert.ok(r.arena >= problemPeakLive(problem));
    assert.equal(r.stoppedAtDeadline, false);
  }
});

Deno.test("repackPeak: a deadline already passed returns the start as it was", () => {
  const problem = llmInstance({ buffers: 500, seed: 4 });
  const start = placeFirstFit(problem);
  const r = repackPeak(problem, start.offsets, { deadline: 0 });
  assert.deepEqual([r.offsets, r.arena, r.rounds, r.stoppedAtDeadline], [
    start.offsets,
    start.arena,
    0,
    true,
  ]);
});

Deno.test("repackPeak: respects alignment and stops at the goal", () => {
  const problem = { ...llmInstance({ buffers: 400, seed: 5 }), alignment: 256 };
  const start = placeFirstFit(problem);
  const r = repackPeak(problem, start.offsets, {
    deadline: Infinity,
    rounds: 30,
    goal: start.arena,
  });
  assert.equal(r.rounds, 0); // already at the goal
  const s = repackPeak(problem, start.offsets, { deadline: Infinity, rounds: 30 });
  assert.ok(s.offsets.every((o) => o % 256 === 0));
  assert.ok(verifyPlacement(problem, s.offsets).ok);
});

Deno.test("repackPeak: a stall ends a run with no deadline short of an unreachable goal", () => {
  // Two buffers live together always stack: 8 is the only height, the bound 4 is unreachable.
  const problem = {
    buffers: [
      { id: "a", lower: 0, upper: 2, size: 4 },
      { id: "b", lower: 0, upper: 2, size: 4 },
    ],
  };
  const r = repackPeak(problem, Float64Array.from([0, 4]), {
    deadline: Infinity,
    bound: 4,
    stallRounds: 25,
  });
  assert.equal(r.arena, 8);
  assert.equal(r.rounds, 25);
  assert.equal(r.stoppedAtDeadline, false);
});

Deno.test("repackPeak: the same rounds whatever unit the times are in", () => {
  // Every time renumbered as a step (none unused), then written in
  // nanoseconds: the same problem, whose steps are these again.
  const llm = llmInstance({ buffers: 600, seed: 6 });
  const times = [...new Set(llm.buffers.flatMap((b) => [b.lower, b.upper]))].sort((a, b) => a - b);
  const step = new Map(times.map((t, k) => [t, k]));
  const problem = {
    buffers: llm.buffers.map((b) => ({
      ...b,
      lower: step.get(b.lower)!,
      upper: step.get(b.upper)!,
    })),
  };
  const nanoseconds = foreignStyle(problem);
  const start = placeFirstFit(problem).offsets;
  const options = {
    deadline: Infinity,
    bound: problemPeakLive(problem),
    rounds: 60,
    seed: 6,
    exactShare: 0, // greedy rounds: exact ones share time by the clock
  };
  const a = repackPeak(problem, start, options), b = repackPeak(nanoseconds, start, options);
  assert.ok(a.kept > 0); // the rounds did something to compare
  assert.deepEqual([...b.offsets], [...a.offsets]);
});

Deno.test("repackPeak: exact windows reach peak live where greedy rounds stall", () => {
  // Short random lifespans and sizes: the height is decided all along.
  const problem = randomIntervalInstance({ buffers: 3000, seed: 3 });
  const start = placeFirstFit(problem).offsets;
  const bound = problemPeakLive(problem);
  const base = { deadline: Infinity, bound, rounds: 200, seed: 2 };
  const exact = repackPeak(problem, start, { ...base, exactShare: 1 });
  const greedy = repackPeak(problem, start, { ...base, exactShare: 0 });
  for (const r of [exact, greedy]) {
    assert.ok(verifyPlacement(problem, r.offsets).ok);
    assert.equal(r.arena, placementArena(problem, r.offsets));
  }
  assert.equal(exact.arena, bound);
  assert.ok(greedy.arena > bound, `greedy ${greedy.arena} vs ${bound}`);
});
