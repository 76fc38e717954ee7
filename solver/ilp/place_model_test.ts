import assert from "node:assert/strict";
import type { PlacementProblem } from "../../graph/types.ts";
import { evaluate } from "../highs/model.ts";
import { toLpText } from "../highs/lp_text.ts";
import { placeGreedySize } from "../placers/greedy_size.ts";
import { randomProblem } from "../../testkit/mod.ts";
import { countConflicts, forEachConflict } from "./_conflicts.ts";
import { buildPlacementModel } from "./place_model.ts";

Deno.test("the location ILP of two overlapping buffers, as LP text", () => {
  // a [0,2) size 4 and b [1,3) size 2 stacked: arena 6 = peak live. Units of
  // gcd(4, 2) = 2 bytes: k_a ≤ 1, k_b ≤ 2, H pinned to 3 by both bounds.
  const problem: PlacementProblem = {
    buffers: [{ id: "a", lower: 0, upper: 2, size: 4 }, { id: "b", lower: 1, upper: 3, size: 2 }],
  };
  const m = buildPlacementModel(problem, { offsets: Float64Array.from([0, 4]) });
  assert.equal(m.unit, 2);
  assert.equal(
    toLpText(m.model),
    [
      "\\ placement",
      "Minimize",
      " obj: H",
      "Subject To",
      " ij_a_b: k_a - k_b + 3 x_a_b <= 1",
      " ji_a_b: k_b - k_a - 3 x_a_b <= -1",
      " top_a: k_a - H <= -2",
      " top_b: k_b - H <= -1",
      "Bounds",
      " 0 <= k_a <= 1",
      " 0 <= k_b <= 2",
      " H = 3",
      " 0 <= x_a_b <= 1",
      "General",
      " k_a",
      " k_b",
      " H",
      " x_a_b",
      "End",
      "",
    ].join("\n"),
  );
  assert.deepEqual([...m.start], [0, 2, 3, 1]);
});

Deno.test("a valid placement is a feasible point of every sub-problem", () => {
  for (let seed = 1; seed <= 40; seed++) {
    const problem = randomProblem({ seed, n: 30, alignment: seed % 3 === 0 ? 8 : 1 });
    const start = placeGreedySize(problem);
    const free = Uint8Array.from(problem.buffers, (_, i) => (i * 7 + seed) % 3 === 0 ? 1 : 0);
    let floor = Infinity;
    problem.buffers.forEach((b, i) => {
      if (free[i] && b.size > 0) floor = Math.min(floor, start.offsets[i]);
    });
    for (const options of [{}, { free }, { free, floor, lowerBound: 0 }]) {
      const m = buildPlacementModel(problem, { offsets: start.offsets, ...options });
      const e = evaluate(m.model, m.start);
      assert.ok(e.feasible, `seed ${seed}: violation ${e.worstViolation}`);
      assert.deepEqual(m.decode(m.start), start.offsets, `seed ${seed}`);
    }
  }
});

Deno.test("the sweep finds exactly the pairs whose lifespans intersect", () => {
  for (let seed = 1; seed <= 20; seed++) {
    const problem = randomProblem({ seed, n: 40 });
    const bs = problem.buffers;
    const found = new Set<string>();
    forEachConflict(problem, (i, j) => {
      found.add(i < j ? `${i},${j}` : `${j},${i}`);
      return true;
    });
    const expected = new Set<string>();
    for (let i = 0; i < bs.length; i++) {
      for (let j = i + 1; j < bs.length; j++) {
        const hit = bs[i].size > 0 && bs[j].size > 0 && bs[i].lower < bs[j].upper &&
          bs[j].lower < bs[i].upper;
        if (hit) expected.add(`${i},${j}`);
      }
    }
    assert.deepEqual(found, expected, `seed ${seed}`);
    assert.equal(countConflicts(problem), expected.size);
    assert.equal(countConflicts(problem, 3), Math.min(expected.size, 4));
  }
});
