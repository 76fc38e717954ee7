/**
 * Every registered placer's claims against the exhaustive optimum of tiny
 * problems: its bound never passes the optimum, and `optimal` only at the
 * bound (or at peak live when it gives none), with or without `minimize`.
 */
import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { problemPeakLive } from "../graph/placement_problem.ts";
import type { PlacementProblem } from "../graph/types.ts";
import { bruteForcePlacement } from "../testkit/brute_force_placement.ts";
import { smallProblem } from "./search/_arbitraries.ts";
import { PLACERS } from "./registry.ts";

const SEED = 20261205;

const problems = smallProblem({ maxBuffers: 6 }).map((p): PlacementProblem => ({
  buffers: p.buffers,
  alignment: p.alignment,
}));

for (const [name, placer] of Object.entries(PLACERS)) {
  // The ILP-backed placers start a HiGHS worker per solve: fewer draws.
  const numRuns = name === "ilp" || name === "best" ? 15 : 100;
  Deno.test(`${name} placer: bound ≤ optimum, optimal only at the bound`, async () => {
    await fc.assert(
      fc.asyncProperty(problems, fc.boolean(), async (p, minimize) => {
        const r = await placer.place(p, { timeLimit: 2, minimize });
        const opt = bruteForcePlacement(p).arena;
        const bound = Math.max(problemPeakLive(p), r.bound ?? 0);
        assert.ok(bound <= opt, `bound ${bound} above the optimum ${opt}`);
        assert.ok(r.arena >= opt);
        if (r.status === "optimal") assert.equal(r.arena, bound, "optimal without proof");
      }),
      { seed: SEED, numRuns },
    );
  });
}
