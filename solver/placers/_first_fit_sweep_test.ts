import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { firstFitSweep } from "./_first_fit_sweep.ts";
import { problemOfRows } from "../../testkit/mod.ts";

Deno.test("firstFitSweep: leaving by a counted or radix-sorted list of ends or by a heap places alike", () => {
  const buffers = fc.array(
    fc.record({
      lower: fc.nat({ max: 30 }),
      length: fc.integer({ min: 1, max: 8 }),
      size: fc.nat({ max: 9 }),
    }),
    { maxLength: 60 },
  );
  fc.assert(fc.property(buffers, fc.integer({ min: 1, max: 4 }), (rows, align) => {
    const problem = problemOfRows(rows);
    // Times a billion apart are not step numbers: ends sorted by radix;
    // fractional times: the heap's path.
    const moved = (f: (t: number) => number) => ({
      buffers: problem.buffers.map((b) => ({ ...b, lower: f(b.lower), upper: f(b.upper) })),
    });
    const order = problem.buffers.map((_, i) => i).sort((a, b) =>
      problem.buffers[a].lower - problem.buffers[b].lower
    );
    const listed = new Float64Array(rows.length);
    const arena = firstFitSweep(problem, order, align, listed);
    for (const f of [(t: number) => t * 1e9, (t: number) => t + 0.5]) {
      const other = new Float64Array(rows.length);
      assert.equal(firstFitSweep(moved(f), order, align, other), arena);
      assert.deepEqual(other, listed);
    }
  }));
});
