import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import type { PlacementProblem } from "../../graph/types.ts";
import { placeGreedySize } from "../placers/greedy_size.ts";
import { isValidChange } from "./_valid_change.ts";

/** Every pair checked: aligned non-negative integers, apart in space where alive together. */
function validByPairs(problem: PlacementProblem, offsets: Float64Array): boolean {
  const bs = problem.buffers, align = problem.alignment ?? 1;
  for (let i = 0; i < bs.length; i++) {
    if (bs[i].size === 0) continue;
    const o = offsets[i];
    if (!(Number.isSafeInteger(o) && o >= 0 && o % align === 0)) return false;
    for (let j = 0; j < i; j++) {
      if (bs[j].size === 0 || bs[j].lower >= bs[i].upper || bs[i].lower >= bs[j].upper) continue;
      if (!(o + bs[i].size <= offsets[j] || offsets[j] + bs[j].size <= o)) return false;
    }
  }
  return true;
}

Deno.test("isValidChange: moving a few buffers or most of them, the same verdict as every pair", () => {
  const buffer = fc.record({
    lower: fc.nat({ max: 12 }),
    length: fc.integer({ min: 1, max: 6 }),
    size: fc.nat({ max: 6 }),
  });
  let valid = 0, invalid = 0;
  fc.assert(
    fc.property(
      fc.array(buffer, { minLength: 1, maxLength: 24 }),
      fc.constantFrom(1, 2),
      fc.array(fc.tuple(fc.nat(), fc.nat({ max: 40 }), fc.boolean()), { maxLength: 24 }),
      (rows, alignment, moves) => {
        const problem: PlacementProblem = {
          alignment,
          buffers: rows.map((r, i) => ({
            id: `b${i}`,
            lower: r.lower,
            upper: r.lower + r.length,
            size: r.size * alignment,
          })),
        };
        const before = placeGreedySize(problem).offsets;
        assert.ok(validByPairs(problem, before));
        const after = Float64Array.from(before);
        for (const [k, to, half] of moves) after[k % after.length] = half ? to + 0.5 : to;
        const verdict = isValidChange(problem, before, after);
        assert.equal(verdict, validByPairs(problem, after));
        if (verdict) valid++;
        else invalid++;
      },
    ),
    { numRuns: 1000, seed: 3 },
  );
  assert.ok(valid > 100 && invalid > 100, `${valid} valid, ${invalid} invalid`);
});
