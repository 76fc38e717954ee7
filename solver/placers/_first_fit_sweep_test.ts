import assert from "node:assert/strict";
import fc from "fast-check";
import { firstFitSweep } from "./_first_fit_sweep.ts";

Deno.test("firstFitSweep: leaving by a list of ends or by a heap places alike", () => {
  const buffers = fc.array(
    fc.record({
      lower: fc.nat({ max: 30 }),
      length: fc.integer({ min: 1, max: 8 }),
      size: fc.nat({ max: 9 }),
    }),
    { maxLength: 60 },
  );
  fc.assert(fc.property(buffers, fc.integer({ min: 1, max: 4 }), (rows, align) => {
    const problem = {
      buffers: rows.map((r, i) => ({
        id: `b${i}`,
        lower: r.lower,
        upper: r.lower + r.length,
        size: r.size,
      })),
    };
    // Times spread a billion apart are not step numbers: the heap's path.
    const spread = {
      buffers: problem.buffers.map((b) => ({ ...b, lower: b.lower * 1e9, upper: b.upper * 1e9 })),
    };
    const order = problem.buffers.map((_, i) => i).sort((a, b) =>
      problem.buffers[a].lower - problem.buffers[b].lower
    );
    const listed = new Float64Array(rows.length), heaped = new Float64Array(rows.length);
    const arena = firstFitSweep(problem, order, align, listed);
    assert.equal(firstFitSweep(spread, order, align, heaped), arena);
    assert.deepEqual(listed, heaped);
  }));
});
