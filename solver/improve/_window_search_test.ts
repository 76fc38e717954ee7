import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import { placeFirstFit } from "../placers/first_fit.ts";
import { searchWindow } from "./_window_search.ts";
import { problemOfRows } from "../../testkit/mod.ts";

const SEED = 20261207;

/** Random lifespans and sizes, some sizes 0, first-fit placed (often above peak live). */
const placed = fc.array(
  fc.record({
    lower: fc.integer({ min: 0, max: 40 }),
    length: fc.integer({ min: 1, max: 8 }),
    size: fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, {
      weight: 9,
      arbitrary: fc.integer({ min: 1, max: 64 }),
    }),
  }),
  { minLength: 1, maxLength: 60 },
).map((rows) => {
  const problem = problemOfRows(rows);
  return { problem, offsets: placeFirstFit(problem).offsets };
});

Deno.test("a window move keeps the placement valid, moves only whole lifespans inside, and ends below the top", () => {
  let moves = 0;
  fc.assert(
    fc.property(
      placed,
      fc.integer({ min: 1, max: 80 }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      ({ problem, offsets }, k, band) => {
        const bs = problem.buffers;
        const lower = Float64Array.from(bs, (b) => b.lower);
        const upper = Float64Array.from(bs, (b) => b.upper);
        const size = Float64Array.from(bs, (b) => b.size);
        const tops = bs.map((b, i) => b.size > 0 ? offsets[i] + b.size : 0);
        const height = Math.max(...tops);
        if (height === 0) return;
        const top = tops.indexOf(height);
        const before = Float64Array.from(offsets);
        const move = searchWindow({ lower, upper, size, offsets }, top, {
          buffers: k,
          capacity: height - 1,
          alignment: 1,
          // Half the time the whole height, else a band of a random depth below the top.
          level: band < 0.5 ? 0 : Math.floor(height * (band - 0.5) * 2),
          deadline: Infinity,
        });
        assert.deepEqual(offsets, before, "the placement given is not modified");
        if (move === undefined) return;
        moves++;
        assert.ok(move.moved.includes(top));
        const after = Float64Array.from(offsets);
        move.moved.forEach((i, j) => {
          after[i] = move.offsets[j];
          assert.ok(move.offsets[j] + size[i] <= height - 1);
        });
        assert.ok(verifyPlacement(problem, after).ok);
      },
    ),
    { seed: SEED, numRuns: 300 },
  );
  assert.ok(moves > 30, `only ${moves} moves found: the test would not see a bad one`);
});

Deno.test("a window move lowers a buffer left high, and finds none below peak live", () => {
  // A chain of pairs: every moment holds two buffers of 4, so peak live is 8.
  const problem = {
    buffers: [
      { id: "a", lower: 0, upper: 2, size: 4 },
      { id: "b", lower: 2, upper: 4, size: 4 },
      { id: "c", lower: 1, upper: 3, size: 4 },
      { id: "d", lower: 0, upper: 1, size: 4 },
      { id: "e", lower: 3, upper: 4, size: 4 },
    ],
  };
  const offsets = Float64Array.from([0, 0, 4, 4, 4]);
  assert.ok(verifyPlacement(problem, offsets).ok);
  const col = (k: "lower" | "upper" | "size") => Float64Array.from(problem.buffers, (b) => b[k]);
  const move = searchWindow(
    { lower: col("lower"), upper: col("upper"), size: col("size"), offsets },
    2,
    { buffers: 5, capacity: 7, alignment: 1, deadline: Infinity },
  );
  // Peak live is 8: a, c and d (or b, c and e) cannot share less; no move to 7 exists.
  assert.equal(move, undefined);
  const higher = Float64Array.from([0, 0, 8, 4, 4]); // c on top at 12
  const up = searchWindow(
    { lower: col("lower"), upper: col("upper"), size: col("size"), offsets: higher },
    2,
    { buffers: 5, capacity: 11, alignment: 1, deadline: Infinity },
  )!;
  const after = Float64Array.from(higher);
  up.moved.forEach((i, j) => after[i] = up.offsets[j]);
  assert.ok(verifyPlacement(problem, after).ok);
  assert.ok(Math.max(...problem.buffers.map((b, i) => after[i] + b.size)) <= 11);
});
