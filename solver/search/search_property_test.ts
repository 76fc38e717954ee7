import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { smallProblem, tightArbitrary } from "./_arbitraries.ts";
import { bruteForcePlacement } from "../../testkit/brute_force_placement.ts";
import { splitComponents } from "./_components.ts";
import { FailureTable } from "./_failure_table.ts";
import { HEURISTICS, jitteredHeuristic } from "./_heuristics.ts";
import { searchComponent } from "./_search_component.ts";
import { placeSearch } from "./search_placer.ts";

const SEED = 20240605;

/**
 * Runs the bare search (no greedy shortcut, no peak check in front) with one
 * heuristic on every part; offsets of all buffers when every part fits.
 */
function searchAll(
  p: PlacementProblem,
  capacity: number,
  heuristic: typeof HEURISTICS[number],
  tables?: FailureTable[],
): Float64Array | undefined {
  const offsets = new Float64Array(p.buffers.length);
  for (const [i, part] of splitComponents(p).entries()) {
    if (tables && tables[i] === undefined) tables[i] = new FailureTable();
    const r = searchComponent(part, {
      capacity,
      alignment: p.alignment ?? 1,
      deadline: Infinity,
      heuristic,
      failures: tables?.[i],
    });
    assert.notEqual(r.outcome, "timeout");
    if (r.outcome === "infeasible") return undefined;
    part.ids.forEach((id, k) => offsets[id] = r.offsets[k]);
  }
  return offsets;
}

Deno.test("the bare search, with every heuristic, fits exactly when the brute force does", () => {
  // Capacities around the optimum, where the answer is not settled by a bound.
  fc.assert(
    fc.property(smallProblem(), fc.integer({ min: -2, max: 1 }), (drawn, delta) => {
      const { capacity: _, ...p } = drawn;
      const capacity = Math.max(0, bruteForcePlacement(p).arena + delta);
      const fits = bruteForcePlacement(p).arena <= capacity;
      for (const heuristic of HEURISTICS) {
        const offsets = searchAll(p, capacity, heuristic);
        assert.equal(offsets !== undefined, fits, `${JSON.stringify(heuristic)} at ${capacity}`);
        if (offsets) assert.ok(verifyPlacement(p, offsets, { capacity }).ok);
      }
    }),
    { seed: SEED, numRuns: 1000 },
  );
});

Deno.test("refuted states shared by every heuristic and jittered runs keep the search exact", () => {
  fc.assert(
    fc.property(smallProblem(), fc.integer({ min: -2, max: 1 }), (drawn, delta) => {
      const { capacity: _, ...p } = drawn;
      const capacity = Math.max(0, bruteForcePlacement(p).arena + delta);
      const fits = bruteForcePlacement(p).arena <= capacity;
      // One table per part, filled by each run in turn (as the portfolio does).
      const tables: FailureTable[] = [];
      for (const heuristic of [...HEURISTICS, jitteredHeuristic(0), jitteredHeuristic(1)]) {
        const offsets = searchAll(p, capacity, heuristic, tables);
        assert.equal(offsets !== undefined, fits, `${JSON.stringify(heuristic)} at ${capacity}`);
        if (offsets) assert.ok(verifyPlacement(p, offsets, { capacity }).ok);
      }
    }),
    { seed: SEED + 1, numRuns: 500 },
  );
});

Deno.test("the bare search packs tight problems of up to 40 buffers with every heuristic", () => {
  fc.assert(
    fc.property(tightArbitrary({ maxBuffers: 40 }), (p) => {
      for (const heuristic of HEURISTICS) {
        const offsets = searchAll(p, p.capacity!, heuristic);
        assert.ok(offsets !== undefined, JSON.stringify(heuristic));
        assert.ok(verifyPlacement(p, offsets, { capacity: p.capacity }).ok);
      }
    }),
    { seed: SEED, numRuns: 300 },
  );
});

Deno.test("search fits a capacity exactly when the brute force does", () => {
  fc.assert(
    fc.property(smallProblem(), fc.integer({ min: 0, max: 12 }), (p, drawn) => {
      const capacity = p.capacity ?? drawn;
      const r = placeSearch(p, { capacity, timeLimit: Infinity });
      const fits = bruteForcePlacement(p).arena <= capacity;
      if (fits) {
        assert.ok(r.status === "optimal" || r.status === "feasible", r.status);
        assert.ok(verifyPlacement(p, r.offsets, { capacity }).ok);
      } else {
        assert.equal(r.status, "infeasible");
        assert.equal(r.details!.proved, true);
        assert.ok(verifyPlacement(p, r.offsets, { capacity: Infinity }).ok);
      }
      assert.equal(r.offsets.length, p.buffers.length);
    }),
    { seed: SEED, numRuns: 300 },
  );
});

Deno.test("minimised, search reaches the brute-force optimum and says optimal", () => {
  fc.assert(
    fc.property(smallProblem(), (drawn) => {
      const { capacity: _, ...p } = drawn;
      const best = bruteForcePlacement(p).arena;
      // Without a capacity the placer minimises; `minimize` does the same.
      for (
        const r of [
          placeSearch(p, { timeLimit: Infinity }),
          placeSearch(p, { minimize: true, timeLimit: Infinity }),
        ]
      ) {
        assert.equal(r.arena, best);
        assert.equal(r.status, "optimal");
        assert.equal(r.bound, best);
        assert.ok(verifyPlacement(p, r.offsets).ok);
      }
    }),
    { seed: SEED, numRuns: 200 },
  );
});

Deno.test("minimising under a capacity: the optimum if it fits, else proved infeasible", () => {
  fc.assert(
    fc.property(smallProblem(), fc.integer({ min: 0, max: 12 }), (drawn, capacity) => {
      const { capacity: _, ...p } = drawn;
      const best = bruteForcePlacement(p).arena;
      const r = placeSearch(p, { capacity, minimize: true, timeLimit: Infinity });
      if (best <= capacity) {
        assert.equal(r.arena, best);
        assert.equal(r.status, "optimal");
      } else {
        assert.equal(r.status, "infeasible");
      }
      assert.ok(verifyPlacement(p, r.offsets, { capacity: Infinity }).ok);
    }),
    { seed: SEED, numRuns: 150 },
  );
});

Deno.test("tight problems (capacity = peak live by construction) are packed with no gap", () => {
  fc.assert(
    fc.property(tightArbitrary(), (p) => {
      assert.equal(problemPeakLive(p), p.capacity);
      const r = placeSearch(p, { timeLimit: Infinity });
      assert.equal(r.status, "optimal");
      assert.equal(r.arena, p.capacity);
      assert.ok(verifyPlacement(p, r.offsets).ok);
      const m = placeSearch(p, { minimize: true, timeLimit: Infinity });
      assert.equal(m.arena, p.capacity);
      assert.equal(m.status, "optimal");
      assert.ok(verifyPlacement(p, m.offsets).ok);
    }),
    { seed: SEED, numRuns: 200 },
  );
});
