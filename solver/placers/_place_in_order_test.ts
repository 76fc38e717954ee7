import assert from "node:assert/strict";
import type { PlacementProblem } from "../../graph/types.ts";
import { arenaOf, assertPlacementValid, randomProblem, seeded } from "../../testkit/mod.ts";
import {
  defaultSearchLimit,
  type GapPolicy,
  placeInOrder,
  PlacementDeadline,
} from "./_place_in_order.ts";

/**
 * Placed in this order (sizes in brackets):
 *   X1 [0,4) (5) -> 0;  Y1 [0,10) (2) -> 5;  X2 [0,4) (3) -> 7;  Y2 [0,10) (1) -> 10.
 * Then Z [5,10) (3) conflicts only with Y1 [5,7) and Y2 [10,11): the gaps are
 * [0,5) (size 5) and [7,10) (size 3), and the top is 11.
 * First fit takes the lowest gap, 0; best fit takes the exact gap, 7.
 */
const GAPS: PlacementProblem = {
  buffers: [
    { id: "X1", lower: 0, upper: 4, size: 5 },
    { id: "Y1", lower: 0, upper: 10, size: 2 },
    { id: "X2", lower: 0, upper: 4, size: 3 },
    { id: "Y2", lower: 0, upper: 10, size: 1 },
    { id: "Z", lower: 5, upper: 10, size: 3 },
  ],
};

Deno.test("placeInOrder: first fit takes the lowest gap, best fit the tightest", () => {
  const first = placeInOrder(GAPS, [0, 1, 2, 3, 4], "first-fit");
  assert.deepEqual([...first.offsets], [0, 5, 7, 10, 0]);
  const best = placeInOrder(GAPS, [0, 1, 2, 3, 4], "best-fit");
  assert.deepEqual([...best.offsets], [0, 5, 7, 10, 7]);
  assert.equal(first.arena, 11);
  assert.equal(best.arena, 11);
});

Deno.test("placeInOrder: a search limit settles for the best gap seen so far", () => {
  // Z walks Y1 [5,7) first: the gap [0,5) below it fits, then the limit (1
  // range) stops the walk before it sees the exact gap [7,10): Z goes to 0.
  const r = placeInOrder(GAPS, [0, 1, 2, 3, 4], "best-fit", { searchLimit: 1 });
  assert.equal(r.offsets[4], 0);
  assert.ok(r.truncated >= 1);
  assert.equal(placeInOrder(GAPS, [0, 1, 2, 3, 4], "best-fit").truncated, 0);
});

Deno.test("placeInOrder: tiny search limits stay valid (random)", () => {
  for (let seed = 1; seed <= 30; seed++) {
    const p = randomProblem({ seed, n: 60, alignment: seed % 2 ? 1 : 4 });
    const order = p.buffers.map((_, i) => i);
    for (const policy of ["best-fit", "first-fit"] as GapPolicy[]) {
      for (const searchLimit of [0, 1, 2, 5]) {
        const r = placeInOrder(p, order, policy, { searchLimit });
        assertPlacementValid(p, r.offsets);
        assert.equal(r.arena, arenaOf(p, r.offsets));
      }
      assert.equal(placeInOrder(p, order, policy, { searchLimit: Infinity }).truncated, 0);
    }
  }
});

Deno.test("placeInOrder: best fit goes on top when no gap fits", () => {
  // Z of size 6 fits neither gap (5, 3): on top of Y2, at 11.
  const p = structuredClone(GAPS);
  p.buffers[4].size = 6;
  const r = placeInOrder(p, [0, 1, 2, 3, 4], "best-fit");
  assert.equal(r.offsets[4], 11);
  assert.equal(r.arena, 17);
});

Deno.test("placeInOrder: half-open lifespans that only touch share bytes", () => {
  const p: PlacementProblem = {
    buffers: [{ id: "a", lower: 0, upper: 3, size: 4 }, { id: "b", lower: 3, upper: 5, size: 4 }],
  };
  for (const policy of ["best-fit", "first-fit"] as GapPolicy[]) {
    assert.deepEqual([...placeInOrder(p, [0, 1], policy).offsets], [0, 0]);
  }
});

Deno.test("placeInOrder: alignment rounds positions, not the arena", () => {
  // Alignment 4: a (3 bytes) at 0; b (2 bytes, same time) cannot start at 3: 4.
  // c (1 byte) conflicts with b only: the gap [0, 4) below b fits it at 0.
  const p: PlacementProblem = {
    alignment: 4,
    buffers: [
      { id: "a", lower: 0, upper: 2, size: 3 },
      { id: "b", lower: 0, upper: 4, size: 2 },
      { id: "c", lower: 2, upper: 4, size: 1 },
    ],
  };
  const r = placeInOrder(p, [0, 1, 2], "best-fit");
  assert.deepEqual([...r.offsets], [0, 4, 0]);
  assert.equal(r.arena, 6);
});

Deno.test("placeInOrder: zero-size buffers sit at 0 and block nothing", () => {
  const p: PlacementProblem = {
    buffers: [{ id: "z", lower: 0, upper: 9, size: 0 }, { id: "a", lower: 0, upper: 9, size: 5 }],
  };
  const r = placeInOrder(p, [0, 1], "first-fit");
  assert.deepEqual([...r.offsets], [0, 0]);
  assert.equal(r.arena, 5);
});

Deno.test("placeInOrder rejects an order that repeats or misses a buffer", () => {
  assert.throws(() => placeInOrder(GAPS, [0, 1, 2, 3, 3], "best-fit"), /appears twice/);
  assert.throws(() => placeInOrder(GAPS, [0, 1, 2], "best-fit"), /holds 3 of 5 buffers/);
  assert.throws(() => placeInOrder({ ...GAPS, alignment: 0 }, [], "best-fit"), /alignment/);
});

Deno.test("placeInOrder is valid for any order, both policies, with alignment (random)", () => {
  for (let seed = 1; seed <= 60; seed++) {
    const alignment = [1, 1, 2, 8, 3][seed % 5];
    const p = randomProblem({ seed, n: 10 + (seed % 50), alignment });
    const rnd = seeded(seed * 7);
    const order = p.buffers.map((_, i) => i).sort(() => rnd() - 0.5);
    for (const policy of ["best-fit", "first-fit"] as GapPolicy[]) {
      const r = placeInOrder(p, order, policy);
      try {
        assertPlacementValid(p, r.offsets);
      } catch (e) {
        throw new Error(`seed ${seed}, ${policy}: ${(e as Error).message}`);
      }
      assert.equal(r.arena, arenaOf(p, r.offsets));
    }
  }
});

/** First fit by brute force: scan every offset against every placed conflict (aligned). */
function bruteFirstFit(p: PlacementProblem, order: number[]): number[] {
  const align = p.alignment ?? 1;
  const ref = new Array<number>(p.buffers.length).fill(0);
  const done: number[] = [];
  for (const i of order) {
    const b = p.buffers[i];
    if (b.size === 0) continue;
    const taken = done.map((j) => ({ c: p.buffers[j], o: ref[j] }))
      .filter(({ c }) => c.lower < b.upper && b.lower < c.upper);
    let y = 0;
    while (taken.some(({ c, o }) => y < o + c.size && o < y + b.size)) y += align;
    ref[i] = y;
    done.push(i);
  }
  return ref;
}

Deno.test("placeInOrder: first fit equals a brute-force lowest-gap search", () => {
  for (let seed = 1; seed <= 40; seed++) {
    // Odd seeds: up to 2,000 start times, so lifespans split over deep trees.
    const p = randomProblem({
      seed,
      n: 40 + (seed % 2) * 60,
      maxSize: 20,
      horizon: seed % 2 ? 2000 : 40,
      alignment: seed % 4 === 0 ? 4 : undefined,
    });
    const rnd = seeded(seed);
    const order = p.buffers.map((_, i) => i).sort(() => rnd() - 0.5);
    const got = placeInOrder(p, order, "first-fit", { searchLimit: Infinity });
    assert.deepEqual([...got.offsets], bruteFirstFit(p, order), `seed ${seed}`);
    // By start time, placeInOrder sweeps instead: the same definition, another algorithm.
    const byStart = [...order].sort((x, y) => p.buffers[x].lower - p.buffers[y].lower);
    const swept = placeInOrder(p, byStart, "first-fit");
    assert.deepEqual([...swept.offsets], bruteFirstFit(p, byStart), `seed ${seed}, by start`);
    assert.equal(swept.truncated, 0);
  }
});

Deno.test("placeInOrder: best fit equals a brute-force smallest-gap search", () => {
  // The reference lists the gaps between the merged conflicting ranges, then
  // keeps the smallest that fits (the lowest among equals), else the top.
  for (let seed = 1; seed <= 40; seed++) {
    const p = randomProblem({
      seed,
      n: 40 + (seed % 2) * 60,
      maxSize: 20,
      horizon: seed % 2 ? 2000 : 40,
    });
    const order = p.buffers.map((_, i) => p.buffers.length - 1 - i);
    const got = placeInOrder(p, order, "best-fit", { searchLimit: Infinity }).offsets;
    const ref = new Array<number>(p.buffers.length).fill(0);
    const done: number[] = [];
    for (const i of order) {
      const b = p.buffers[i];
      if (b.size > 0) {
        const ranges = done.map((j) => ({ c: p.buffers[j], o: ref[j] }))
          .filter(({ c }) => c.lower < b.upper && b.lower < c.upper)
          .map(({ c, o }) => [o, o + c.size]).sort((x, y) => x[0] - y[0]);
        let cover = 0, best = -1, bestSize = Infinity;
        for (const [s, e] of ranges) {
          if (s - cover >= b.size && s - cover < bestSize) [best, bestSize] = [cover, s - cover];
          cover = Math.max(cover, e);
        }
        ref[i] = best >= 0 ? best : cover;
        done.push(i);
      }
    }
    assert.deepEqual([...got], ref, `seed ${seed}`);
  }
});

Deno.test("defaultSearchLimit spends about 10^8 steps, at least 1,024 per buffer", () => {
  assert.equal(defaultSearchLimit(0), 1e8);
  assert.equal(defaultSearchLimit(1_000), 100_000);
  assert.equal(defaultSearchLimit(50_000), 2_000);
  assert.equal(defaultSearchLimit(1_000_000), 1024);
});

Deno.test("placeInOrder: a past deadline throws PlacementDeadline; none or a future one places", () => {
  const problem = {
    buffers: [{ id: "a", lower: 0, upper: 2, size: 4 }, { id: "b", lower: 1, upper: 3, size: 4 }],
  };
  assert.throws(
    () => placeInOrder(problem, [0, 1], "best-fit", { deadline: performance.now() - 1 }),
    PlacementDeadline,
  );
  const far = placeInOrder(problem, [0, 1], "best-fit", { deadline: performance.now() + 60_000 });
  assert.equal(far.arena, 8);
});
