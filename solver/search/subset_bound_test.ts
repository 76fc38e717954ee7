import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { gadgetInstance } from "../../bench/generators/gadget.ts";
import { bruteForcePlacement } from "../../testkit/brute_force_placement.ts";
import { smallProblem } from "./_arbitraries.ts";
import { minimizeSearch } from "./minimize_search.ts";
import { candidateSubsets, subsetBound, type SubsetSolver } from "./subset_bound.ts";

const SEED = 20261205;
const exact: SubsetSolver = (sub) =>
  minimizeSearch(sub, { timeLimit: Infinity, subsets: false }).bound!;

/** Whether `boundOf` stays at or below the exhaustive optimum on every tiny problem drawn. */
function sound(boundOf: (p: PlacementProblem) => number): boolean {
  const out = fc.check(
    fc.property(smallProblem({ maxBuffers: 6 }), (p) => boundOf(p) <= bruteForcePlacement(p).arena),
    { seed: SEED, numRuns: 300 },
  );
  return !out.failed;
}

Deno.test("subsetBound never passes the optimum; planted wrong variants are caught", () => {
  assert.ok(sound((p) => subsetBound(p, 0, Infinity, exact, 4).bound));
  // One byte more than proved.
  assert.ok(!sound((p) => subsetBound(p, 0, Infinity, exact, 4).bound + 1));
  // Not a subset: every buffer of the candidate lives one step longer.
  const stretched: SubsetSolver = (sub, end) =>
    exact({ ...sub, buffers: sub.buffers.map((b) => ({ ...b, upper: b.upper + 1 })) }, end);
  assert.ok(!sound((p) => subsetBound(p, 0, Infinity, stretched, 4).bound));
});

Deno.test("candidateSubsets: proper subsets within the size limit, no repeats", () => {
  fc.assert(
    fc.property(smallProblem(), fc.integer({ min: 1, max: 7 }), (p, max) => {
      const seen = new Set<string>();
      for (const s of candidateSubsets(p, max)) {
        assert.ok(s.length >= 1 && s.length <= max && s.length < p.buffers.length);
        assert.ok(s.every((i, k) => k === 0 || s[k - 1] < i));
        assert.ok(!seen.has(s.join())), seen.add(s.join());
      }
    }),
    { seed: SEED, numRuns: 300 },
  );
});

Deno.test("subsetBound proves a gadget instance's bound above peak live from its largest buffers", () => {
  const g = gadgetInstance({ seed: 1, copies: 1, buffers: 40 });
  const peak = problemPeakLive(g.problem);
  const r = subsetBound(g.problem, peak, Infinity, exact, 10);
  assert.ok(r.bound >= g.bound && g.bound > peak, `${r.bound} vs ${g.bound}`);
  assert.ok(r.subset.length <= 10);
});
