import assert from "node:assert/strict";
import { randomIntervalInstance, randomIntervalShape } from "./random_intervals.ts";
import { problemPeakLive } from "../../graph/placement_problem.ts";

Deno.test("randomIntervalInstance: exact count, valid lifespans within the seed's shape, deterministic", () => {
  for (const seed of [1, 2, 3, 4]) {
    const shape = randomIntervalShape(seed);
    const p = randomIntervalInstance({ buffers: 2000, seed });
    assert.equal(p.buffers.length, 2000);
    for (const b of p.buffers) {
      assert.ok(b.lower >= 0 && b.lower < b.upper && b.upper - b.lower <= shape.longest);
      assert.ok(Number.isSafeInteger(b.size) && b.size >= 1);
    }
    assert.deepEqual(p, randomIntervalInstance({ buffers: 2000, seed }));
  }
  assert.throws(() => randomIntervalInstance({ buffers: 0, seed: 1 }), /buffers must be/);
});

Deno.test("randomIntervalInstance: about `alive` buffers alive at a time, whatever the count", () => {
  for (const seed of [5, 6, 7]) {
    const { alive } = randomIntervalShape(seed);
    for (const n of [4000, 16000]) {
      const p = randomIntervalInstance({ buffers: n, seed });
      // Mean number alive = total lifespan / horizon covered.
      let span = 0, end = 0;
      for (const b of p.buffers) {
        span += b.upper - b.lower;
        end = Math.max(end, b.upper);
      }
      const mean = span / end;
      assert.ok(
        mean > alive * 0.6 && mean < alive * 1.4,
        `seed ${seed} n ${n}: ${mean} vs ${alive}`,
      );
    }
  }
});

Deno.test("randomIntervalShape: seeds differ in shape (no one setting is the family)", () => {
  const shapes = new Set(
    Array.from({ length: 20 }, (_, i) => JSON.stringify(randomIntervalShape(i + 1))),
  );
  assert.ok(shapes.size >= 19);
  const p = randomIntervalInstance({ buffers: 300, seed: 9 });
  assert.ok(problemPeakLive(p) > 0);
});
