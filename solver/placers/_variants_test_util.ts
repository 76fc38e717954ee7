/**
 * Checks every greedy placer test runs: valid offsets on random problems, the
 * status rules, and the arena reported.
 *
 * @module
 */
import assert from "node:assert/strict";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { arenaOf, assertPlacementValid, randomProblem } from "../../testkit/mod.ts";
import type { PlaceOptions, PlaceResult } from "../types.ts";

/**
 * Runs `place` on 40 random problems (with and without alignment) and asserts
 * each result is valid, its arena is right and its status follows the rules.
 *
 * @example
 * ```ts
 * import { placeGreedySize } from "./greedy_size.ts";
 * checkPlacerOnRandomProblems(placeGreedySize);
 * ```
 */
export function checkPlacerOnRandomProblems(
  place: (p: PlacementProblem, o?: PlaceOptions) => PlaceResult,
): void {
  for (let seed = 1; seed <= 40; seed++) {
    const p = randomProblem({ seed, n: 5 + seed * 2, alignment: seed % 3 === 0 ? 8 : undefined });
    const r = place(p);
    try {
      assertPlacementValid(p, r.offsets);
    } catch (e) {
      throw new Error(`seed ${seed}: ${(e as Error).message}`);
    }
    assert.equal(r.arena, arenaOf(p, r.offsets));
    assert.equal(r.bound, problemPeakLive(p));
    assert.ok(r.arena >= r.bound!);
    assert.equal(r.status, r.arena === r.bound ? "optimal" : "feasible");
    // A capacity below the arena: infeasible, offsets still returned.
    const tight = place(p, { capacity: r.arena - 1 });
    assert.equal(tight.status, r.arena > 0 ? "infeasible" : "optimal");
    assert.deepEqual(tight.offsets, r.offsets);
    assert.ok(r.seconds >= 0);
  }
}
