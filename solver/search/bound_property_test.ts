/**
 * Every lower bound a placer claims is checked against the exhaustive
 * optimum on tiny problems; a bound planted one byte too high must fail the
 * same check (so the check can fail).
 */
import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { bruteForcePlacement } from "../../testkit/brute_force_placement.ts";
import type { PlaceResult } from "../types.ts";
import { smallProblem } from "./_arbitraries.ts";
import { minimizeSearch } from "./minimize_search.ts";
import { reachableHeights } from "./reachable_heights.ts";

const SEED = 20261205;

const problems = fc.tuple(smallProblem({ maxBuffers: 6 }), fc.constantFrom(1, 1024)).map(
  ([p, k]): PlacementProblem => ({
    alignment: (p.alignment ?? 1) * k,
    buffers: p.buffers.map((b) => ({ ...b, size: b.size * k })),
  }),
);

/** Whether `boundOf` stays at or below the exhaustive optimum on every problem drawn. */
function boundNeverPassesOptimum(
  boundOf: (p: PlacementProblem) => number,
  numRuns = 200,
): { ok: boolean; message?: string } {
  const out = fc.check(
    fc.property(problems, (p) => boundOf(p) <= bruteForcePlacement(p).arena),
    { seed: SEED, numRuns },
  );
  return { ok: !out.failed, message: out.failed ? String(out.counterexample) : undefined };
}

/** A minimisation result is honest: bound ≤ optimum, `optimal` only at the bound. */
function honest(p: PlacementProblem, r: PlaceResult): void {
  const opt = bruteForcePlacement(p).arena;
  assert.ok(r.bound !== undefined && r.bound <= opt, `bound ${r.bound} above optimum ${opt}`);
  assert.ok(r.arena >= opt);
  if (r.status === "optimal") assert.equal(r.bound, r.arena);
  if (r.bound! > problemPeakLive(p)) assert.notEqual(r.boundMethod, "peak-live");
}

Deno.test("minimizeSearch: the bound never passes the optimum and proves it when given time", () => {
  fc.assert(
    fc.property(problems, (p) => {
      const r = minimizeSearch(p, { timeLimit: Infinity });
      honest(p, r);
      assert.equal(r.status, "optimal"); // no time limit: the search proves it
      assert.equal(r.arena, bruteForcePlacement(p).arena);
    }),
    { seed: SEED, numRuns: 200 },
  );
});

Deno.test("minimizeSearch: with no time at all the bound still never passes the optimum", () => {
  fc.assert(
    fc.property(problems, (p) => honest(p, minimizeSearch(p, { timeLimit: 0 }))),
    { seed: SEED, numRuns: 200 },
  );
});

Deno.test("the bound check fails a bound planted one reachable height too high", () => {
  // Every buffer stacked: a height no optimum exceeds, so the bitset covers it.
  const cap = (p: PlacementProblem) =>
    p.buffers.reduce((s, b) => s + Math.ceil(b.size / (p.alignment ?? 1)) * (p.alignment ?? 1), 0);
  const honestBound = (p: PlacementProblem) =>
    reachableHeights(p, cap(p)).atLeast(problemPeakLive(p));
  assert.equal(boundNeverPassesOptimum(honestBound).ok, true);
  const planted = (p: PlacementProblem) =>
    reachableHeights(p, cap(p)).atLeast(problemPeakLive(p) + 1);
  assert.equal(boundNeverPassesOptimum(planted).ok, false);
});
