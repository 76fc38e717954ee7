import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import type { PlacementProblem } from "../../graph/types.ts";
import { countConflicts, forEachConflict, forEachConflictOf } from "./_conflicts.ts";

/** Pairs as `visit` sees them. */
function pairsOf(walk: (visit: (i: number, j: number) => boolean) => boolean): string[] {
  const pairs: string[] = [];
  walk((i, j) => (pairs.push(`${i}-${j}`), true));
  return pairs;
}

Deno.test("forEachConflict: every pair alive together once, by an all-pairs count", () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.nat({ max: 9 }), fc.integer({ min: 1, max: 5 }), fc.nat({ max: 3 })), {
        maxLength: 30,
      }),
      (rows) => {
        const bs = rows.map(([lower, length, size], i) => ({
          id: `b${i}`,
          lower,
          upper: lower + length,
          size,
        }));
        let brute = 0;
        for (let i = 0; i < bs.length; i++) {
          for (let j = 0; j < i; j++) {
            const both = bs[i].size > 0 && bs[j].size > 0;
            if (both && bs[i].lower < bs[j].upper && bs[j].lower < bs[i].upper) brute++;
          }
        }
        assert.equal(countConflicts({ buffers: bs }), brute);
      },
    ),
    { numRuns: 300, seed: 5 },
  );
});

Deno.test("forEachConflictOf: the pairs of forEachConflict with a marked buffer, in its order", () => {
  let few = 0;
  fc.assert(
    fc.property(
      fc.array(
        fc.tuple(fc.nat({ max: 9 }), fc.integer({ min: 1, max: 5 }), fc.nat({ max: 3 }), fc.nat(9)),
        { maxLength: 40 },
      ),
      fc.integer({ min: 0, max: 9 }),
      (rows, share) => {
        const problem: PlacementProblem = {
          buffers: rows.map(([lower, length, size], i) => ({
            id: `b${i}`,
            lower,
            upper: lower + length,
            size,
          })),
        };
        const marked = (i: number) => rows[i][3] < share;
        if (4 * rows.filter((_, i) => marked(i)).length <= rows.length) few++;
        const want = pairsOf((visit) =>
          forEachConflict(problem, (i, j) => !(marked(i) || marked(j)) || visit(i, j))
        );
        assert.deepEqual(pairsOf((visit) => forEachConflictOf(problem, marked, visit)), want);
      },
    ),
    { numRuns: 500, seed: 9 },
  );
  assert.ok(few > 100, `${few} problems with few marked`);
});
