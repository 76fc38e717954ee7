import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { problemSteps } from "./problem_steps.ts";
import { problemPeakLive } from "./placement_problem.ts";
import { parseMinimallocCsv } from "./minimalloc_csv.ts";
import { readColumns } from "./problem_columns.ts";
import { problemOfRows } from "../testkit/mod.ts";

/** Random lifespans over a few step numbers, so that ends often coincide. */
const buffers = fc.array(
  fc.record({ lower: fc.nat(12), length: fc.integer({ min: 1, max: 6 }), size: fc.nat(9) }),
  { maxLength: 40 },
).map((rs) => problemOfRows(rs).buffers);

/** Time maps that keep order: far apart, negative, fractional. */
const stretch = fc.constantFrom(
  (t: number) => t * 1e9 + 7,
  (t: number) => t * 1000 - 5000,
  (t: number) => t / 3,
  (t: number) => 2 ** 40 + t * 2 ** 20,
);

Deno.test("problemSteps: times as steps keep every comparison of two times", () => {
  fc.assert(fc.property(buffers, stretch, (bs, f) => {
    const p = { buffers: bs.map((b) => ({ ...b, lower: f(b.lower), upper: f(b.upper) })) };
    const s = problemSteps(p);
    const times = p.buffers.flatMap((b) => [b.lower, b.upper]);
    const steps = bs.flatMap((_, i) => [s.lower[i], s.upper[i]]);
    for (let i = 0; i < times.length; i++) {
      for (let j = 0; j < times.length; j++) {
        assert.equal(Math.sign(times[i] - times[j]), Math.sign(steps[i] - steps[j]));
      }
      // time[step] is the time it stands for (or steps are the times themselves).
      assert.equal(s.time === undefined ? steps[i] : s.time[steps[i]], times[i]);
    }
  }));
});

Deno.test("problemSteps: peak live is the same on stretched times", () => {
  fc.assert(fc.property(buffers, stretch, (bs, f) => {
    const p = { buffers: bs.map((b) => ({ ...b, lower: f(b.lower), upper: f(b.upper) })) };
    assert.equal(problemPeakLive(p), problemPeakLive({ buffers: bs }));
  }));
});

Deno.test("problemSteps: step numbers stay as they are; a problem read into columns is renumbered once", () => {
  const small = problemSteps({ buffers: [{ id: "a", lower: 0, upper: 2, size: 1 }] });
  assert.equal(small.time, undefined);
  assert.deepEqual([...small.lower, ...small.upper], [0, 2]);
  const p = parseMinimallocCsv(
    "id,lower,upper,size\na,0,5000000,4\nb,4000000,9000000,4\n",
    "p.csv",
  );
  assert.ok(readColumns(p) !== undefined);
  const s = problemSteps(p);
  assert.equal(problemSteps(p), s);
  assert.deepEqual([...s.lower, ...s.upper, ...s.time!], [0, 1, 2, 3, 0, 4e6, 5e6, 9e6]);
});

Deno.test("problemSteps: a time that is not a finite number leaves the times as they are", () => {
  const s = problemSteps({ buffers: [{ id: "a", lower: 0, upper: Infinity, size: 1 }] });
  assert.equal(s.time, undefined);
  assert.equal(s.upper[0], Infinity);
});

Deno.test("problemSteps: thousands of buffers (sorted and merged) keep every comparison too", () => {
  // Past the small-problem path: lowers and uppers each sorted, then merged.
  let x = 7;
  const next = (m: number) => (x = (Math.imul(x, 1103515245) + 12345) >>> 0) % m;
  for (const n of [3000, 5000]) {
    const buffers = Array.from({ length: n }, (_, i) => {
      const lower = next(4000) * 1e6;
      return { id: `b${i}`, lower, upper: lower + (1 + next(300)) * 1e6, size: 1 + next(9) };
    });
    if (n === 5000) buffers.sort((a, b) => a.lower - b.lower); // lowers already in order
    const s = problemSteps({ buffers });
    const ends = buffers.flatMap((b, i) => [[b.lower, s.lower[i]], [b.upper, s.upper[i]]])
      .sort((a, b) => a[0] - b[0]);
    for (let k = 1; k < ends.length; k++) {
      assert.equal(ends[k][1] - ends[k - 1][1], ends[k][0] > ends[k - 1][0] ? 1 : 0);
    }
    assert.equal(ends[0][1], 0);
    for (const [t, step] of ends) assert.equal(s.time![step], t);
    const stepped = {
      buffers: buffers.map((b, i) => ({ ...b, lower: s.lower[i], upper: s.upper[i] })),
    };
    assert.equal(problemPeakLive({ buffers }), problemPeakLive(stepped));
  }
});
