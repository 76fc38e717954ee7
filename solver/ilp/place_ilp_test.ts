import assert from "node:assert/strict";
import { loadMinimallocCsv } from "../../graph/load.ts";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import { placeGreedySize } from "../placers/greedy_size.ts";
import { randomProblem } from "../../testkit/mod.ts";
import { bruteForcePlacement } from "../../testkit/brute_force_placement.ts";
import { ilpPlacer, placeIlp } from "./place_ilp.ts";

const EXAMPLE = new URL("../../testdata/minimalloc/example.12.csv", import.meta.url);

/** Every positive-size buffer on top of the previous ones: valid and poor. */
function stacked(problem: PlacementProblem): Float64Array {
  const align = problem.alignment ?? 1;
  let top = 0;
  return Float64Array.from(problem.buffers, (b) => {
    const o = top;
    top += Math.ceil(b.size / align) * align;
    return o;
  });
}

Deno.test("ilp placer: example.12 reaches 12, optimal, and verifies", async () => {
  const problem = await loadMinimallocCsv(EXAMPLE.pathname);
  const r = await ilpPlacer.place(problem, { timeLimit: Infinity });
  assert.equal(r.arena, 12);
  assert.equal(r.status, "optimal");
  assert.ok(verifyPlacement(problem, r.offsets).ok);
});

Deno.test("placement ILP: example.12 from a stacked start solves to 12", async () => {
  const problem = await loadMinimallocCsv(EXAMPLE.pathname);
  const start = stacked(problem);
  const r = await placeIlp(problem, { start, timeLimit: Infinity });
  assert.equal(r.details?.startArena, 20);
  assert.equal(r.details?.mode, "full");
  assert.equal(r.arena, 12);
  assert.equal(r.status, "optimal");
  const report = verifyPlacement(problem, r.offsets);
  assert.ok(report.ok);
  assert.equal(report.arena, 12);
});

Deno.test("placement ILP equals brute force on small random problems", async () => {
  for (let seed = 1; seed <= 8; seed++) {
    const problem = randomProblem({ seed, n: 6, horizon: 8, alignment: seed % 2 ? 1 : 4 });
    const r = await placeIlp(problem, { start: stacked(problem), timeLimit: Infinity });
    assert.equal(r.arena, bruteForcePlacement(problem).arena, `seed ${seed}`);
    assert.equal(r.status, "optimal", `seed ${seed}`);
    assert.equal(r.bound, r.arena, `seed ${seed}: optimal, so the bound is the arena`);
    assert.ok(verifyPlacement(problem, r.offsets).ok, `seed ${seed}`);
  }
});

Deno.test("placement ILP: whatever time it had, its bound never passes the optimum", async () => {
  for (const timeLimit of [0.01, 0.2]) {
    for (let seed = 1; seed <= 4; seed++) {
      const problem = randomProblem({ seed, n: 6, horizon: 8, alignment: seed % 2 ? 1 : 4 });
      const r = await placeIlp(problem, { start: stacked(problem), timeLimit });
      const opt = bruteForcePlacement(problem).arena;
      assert.ok(r.bound! >= problemPeakLive(problem) && r.bound! <= opt, `seed ${seed}`);
      assert.equal(r.status === "optimal", r.bound === r.arena, `seed ${seed}`);
      assert.ok(r.boundMethod === "ilp-dual" || r.boundMethod === "peak-live");
    }
  }
});

Deno.test("placement sub-problems improve greedy-size and stay valid", async () => {
  // Seed 3: greedy-size 1334, peak live 1177; too many pairs allowed for the whole ILP.
  const problem = randomProblem({ seed: 3, n: 120, horizon: 60 });
  const greedy = placeGreedySize(problem);
  assert.equal(greedy.arena, 1334);
  // Work limits, not seconds, decide where it stops: the same result on any machine.
  const r = await placeIlp(problem, {
    timeLimit: Infinity,
    subTimeLimit: Infinity,
    subSolveLimit: 2,
    subNodeLimit: 50,
    fullMaxPairs: 0,
  });
  assert.equal(r.details?.mode, "sub-problems");
  assert.equal((r.details?.subProblems as { solves: number }).solves, 2);
  assert.ok(r.arena < greedy.arena, `arena ${r.arena}`);
  assert.ok(r.arena >= problemPeakLive(problem));
  assert.ok(verifyPlacement(problem, r.offsets).ok);
  assert.notEqual(r.status, "optimal");
});

Deno.test("placement ILP reports a capacity below the peak live as infeasible", async () => {
  const problem = await loadMinimallocCsv(EXAMPLE.pathname);
  const r = await placeIlp(problem, { timeLimit: Infinity, capacity: 11 });
  assert.equal(r.status, "infeasible");
  assert.equal(r.arena, 12);
});
