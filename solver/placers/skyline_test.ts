import assert from "node:assert/strict";
import { seeded } from "../../testkit/mod.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import { placeSkyline } from "./skyline.ts";

/** Random small problems on step times, some sizes 0 and some lifespans empty. */
function randomProblem(seed: number, n: number, alignment = 1): PlacementProblem {
  const rnd = seeded(seed);
  const buffers = Array.from({ length: n }, (_, i) => {
    const lower = Math.floor(rnd() * 20);
    const upper = lower + Math.floor(rnd() * 8) + (rnd() < 0.05 ? 0 : 1);
    const size = rnd() < 0.05 ? 0 : 1 + Math.floor(rnd() * 9);
    return { id: `b${i}`, lower, upper, size };
  });
  return { buffers, alignment };
}

/**
 * The descent as the module comment states it, by scans: at the level, among
 * the sections covered by a buffer whose floor is the level, the leftmost of
 * greatest unplaced load; there the best-ranked such buffer (larger size,
 * longer life, lower index); no candidate: the level rises to the lowest floor.
 */
function naiveSkyline(problem: PlacementProblem): Float64Array {
  const bs = problem.buffers, n = bs.length, align = problem.alignment ?? 1;
  const times = [...new Set(bs.flatMap((b) => [b.lower, b.upper]))].sort((a, b) => a - b);
  const step = (t: number) => times.indexOf(t);
  const lo = bs.map((b) => step(b.lower)), hi = bs.map((b) => step(b.upper));
  const fp = bs.map((b) => Math.ceil(b.size / align) * align);
  const S = times.length;
  const h = new Float64Array(S), offsets = new Float64Array(n);
  const left = new Set(bs.map((_, i) => i).filter((i) => bs[i].size > 0 && hi[i] > lo[i]));
  const better = (a: number, b: number) =>
    bs[a].size - bs[b].size || (bs[a].upper - bs[a].lower) - (bs[b].upper - bs[b].lower) || b - a;
  const floorOf = (b: number) => {
    let f = 0;
    for (let s = lo[b]; s < hi[b]; s++) f = Math.max(f, h[s]);
    return f;
  };
  let level = 0;
  while (left.size > 0) {
    const cands = [...left].filter((b) => floorOf(b) === level);
    if (cands.length === 0) {
      level = Math.min(...[...left].map(floorOf));
      continue;
    }
    let pick = -1, pickLoad = -Infinity;
    for (let s = 0; s < S; s++) {
      if (!cands.some((b) => lo[b] <= s && s < hi[b])) continue;
      let load = 0;
      for (const b of left) if (lo[b] <= s && s < hi[b]) load += fp[b];
      if (load > pickLoad) [pick, pickLoad] = [s, load];
    }
    const b = cands.filter((b) => lo[b] <= pick && pick < hi[b]).reduce((x, y) =>
      better(x, y) > 0 ? x : y
    );
    offsets[b] = level;
    for (let s = lo[b]; s < hi[b]; s++) h[s] = level + fp[b];
    left.delete(b);
  }
  return offsets;
}

Deno.test("skyline places as its definition says (random problems, with alignment)", () => {
  for (let seed = 1; seed <= 60; seed++) {
    const problem = randomProblem(seed, 5 + (seed % 40), seed % 3 === 0 ? 4 : 1);
    const r = placeSkyline(problem, { orders: ["size"] });
    assert.deepEqual([...r.offsets], [...naiveSkyline(problem)], `seed ${seed}`);
    assert.ok(verifyPlacement(problem, r.offsets, {}).ok, `seed ${seed}: overlap`);
  }
});

Deno.test("skyline places the same whatever the times' scale (steps renumbered)", () => {
  for (let seed = 1; seed <= 20; seed++) {
    const problem = randomProblem(seed, 30);
    const scaled = {
      buffers: problem.buffers.map((b) => ({ ...b, lower: b.lower * 1e9, upper: b.upper * 1e9 })),
    };
    assert.deepEqual(
      [...placeSkyline(scaled, { orders: ["size"] }).offsets],
      [...naiveSkyline(problem)],
      `seed ${seed}`,
    );
  }
});

Deno.test("skyline: a valid placement at or above peak live, sized buffers aligned", () => {
  for (let seed = 100; seed < 130; seed++) {
    const problem = randomProblem(seed, 300, 8);
    const r = placeSkyline(problem);
    assert.ok(verifyPlacement(problem, r.offsets, {}).ok);
    assert.ok(r.arena >= problemPeakLive(problem));
    for (const o of r.offsets) assert.equal(o % 8, 0);
  }
});

Deno.test("skyline keeps the lowest of its descents, and says which", () => {
  for (let seed = 200; seed < 220; seed++) {
    const problem = randomProblem(seed, 60);
    const each = (["size", "width", "area"] as const).map((o) =>
      placeSkyline(problem, { orders: [o] }).arena
    );
    const r = placeSkyline(problem);
    const tried = r.details?.orders as string[];
    // The three plain orders first, then jittered ones, all unless one reached peak live.
    assert.deepEqual(tried.slice(0, 3), ["size", "width", "area"].slice(0, tried.length));
    assert.ok(tried.length === 12 || r.arena === problemPeakLive(problem));
    assert.ok(r.arena <= Math.min(...each.slice(0, Math.min(3, tried.length))));
    const i = tried.indexOf(r.details?.order as string);
    if (i < 3) assert.equal(r.arena, each[i]);
  }
});

Deno.test("skyline at its deadline: the first descent's rest goes on top, later orders are dropped", () => {
  const problem = randomProblem(7, 6000);
  const r = placeSkyline(problem, { deadline: 0 });
  assert.ok(verifyPlacement(problem, r.offsets, {}).ok);
  assert.match(String(r.details?.note), /stopped at the deadline with \d+ of \d+ buffers left/);
  assert.equal(r.details?.timeNote, r.details?.note);
  assert.deepEqual(r.details?.orders, ["size"]);
  // Without a deadline every order is tried, unless one reaches peak live.
  const full = placeSkyline(problem);
  const tried = full.details?.orders as string[];
  assert.ok(tried.length === 12 || full.arena === problemPeakLive(problem));
  assert.equal(full.details?.note, undefined);
});
