import assert from "node:assert/strict";
import { loadMinimallocCsv } from "../../graph/load.ts";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import { placeGreedySize } from "../placers/greedy_size.ts";
import { getPlacer } from "../registry.ts";
import { arenaOf, assertPlacementValid, seeded } from "../../testkit/mod.ts";
import { alignedChain, staircase } from "./_fixtures.ts";
import { tightProblem } from "./_tight_problems.ts";
import { placeSearch, searchPlacer } from "./search_placer.ts";

const BENCH = "testdata/minimalloc";

Deno.test("search packs the staircase that greedy-size misses", () => {
  assert.equal(placeGreedySize(staircase()).arena, 7);
  const r = placeSearch(staircase(), { capacity: 6 });
  assert.equal(r.status, "optimal");
  assert.equal(r.arena, 6);
  assert.equal(r.bound, 6);
  assert.equal(r.details!.method, "search");
  assert.ok(verifyPlacement(staircase(), r.offsets, { capacity: 6 }).ok);
});

Deno.test("a capacity below peak live is refused at once, without search", () => {
  const r = placeSearch(staircase(), { capacity: 5 });
  assert.equal(r.status, "infeasible");
  assert.equal(r.details!.method, "peak-live check");
  assert.equal(r.details!.proved, true);
  assert.equal(r.details!.nodes, undefined);
  // Offsets still come back (greedy's, over the capacity).
  assertPlacementValid(staircase(), r.offsets);
  assert.equal(r.arena, 7);
  // The aligned bound refuses what plain peak live would let through.
  const aligned = placeSearch(alignedChain(), { capacity: 4 });
  assert.equal(aligned.details!.method, "peak-live check");
});

Deno.test("an infeasible capacity at or above the bound is proved so by search", () => {
  const r = placeSearch(alignedChain(), { capacity: 5 });
  assert.equal(r.status, "infeasible");
  assert.equal(r.details!.method, "search");
  assert.equal(r.details!.proved, true);
  assertPlacementValid(alignedChain(), r.offsets);
});

Deno.test("a tiny time limit on a hard problem: timeout, every buffer still placed", () => {
  // 150 rectangles cut from a 64 x 40 strip, and no time at all: the first
  // check (after 16 nodes, far too few to place 150 buffers) stops the search.
  const p = tightProblem({ random: seeded(153), capacity: 64, horizon: 40, buffers: 150 });
  const r = placeSearch(p, { timeLimit: 0, checkEvery: 16 });
  assert.equal(r.status, "timeout");
  assert.equal(r.offsets.length, p.buffers.length);
  assert.ok(r.offsets.every((o) => Number.isSafeInteger(o)));
  const report = verifyPlacement(p, r.offsets);
  assert.deepEqual(Object.keys(report.violationsByKind), ["out_of_capacity"]);
  assert.ok(verifyPlacement(p, r.offsets, { capacity: Infinity }).ok);
  assert.ok(r.arena > 64);
  assert.equal(r.details!.overCapacity, r.arena - 64);
  assert.match(String(r.details!.note), /exceeds the capacity by \d+/);
  assert.equal(r.arena, arenaOf(p, r.offsets));
});

Deno.test("one search run per part before greedy on small problems, greedy first on large ones", () => {
  const easy = {
    buffers: [
      { id: "a", lower: 0, upper: 2, size: 4 },
      { id: "z", lower: 0, upper: 5, size: 0 },
    ],
  };
  const r = placeSearch(easy, { capacity: 4 });
  assert.equal(r.status, "optimal");
  assert.equal(r.details!.method, "search");
  assert.equal(r.details!.greedyArena, undefined); // greedy-size was not needed
  assert.deepEqual([...r.offsets], [0, 0]);
  const large = {
    buffers: Array.from({ length: 5001 }, (_, i) => ({
      id: `b${i}`,
      lower: i,
      upper: i + 2,
      size: 4,
    })),
  };
  const g = placeSearch(large, { capacity: 8 });
  // The greedy start of a large problem: first fit, kept when greedy-size is no lower.
  assert.deepEqual([g.status, g.details!.method], ["optimal", "first-fit"]);
  const empty = placeSearch({ buffers: [] }, { capacity: 0 });
  assert.equal(empty.status, "optimal");
  assert.equal(empty.arena, 0);
  assert.equal(placeSearch({ buffers: [] }).status, "optimal");
});

Deno.test("example.12.csv fits in 12", async () => {
  const p = await loadMinimallocCsv(`${BENCH}/example.12.csv`);
  const r = placeSearch(p, { capacity: 12 });
  assert.ok(r.arena <= 12);
  assert.equal(r.status, "optimal");
  assert.ok(verifyPlacement(p, r.offsets, { capacity: 12 }).ok);
});

Deno.test("challenging-C fits in 1,048,576 (exactly its lower bound, 1,039,360)", async () => {
  const p = await loadMinimallocCsv(`${BENCH}/challenging-C.1048576.csv`);
  const r = placeSearch(p, { capacity: 1048576, timeLimit: Infinity });
  assert.ok(r.status === "optimal" || r.status === "feasible");
  const report = verifyPlacement(p, r.offsets, { capacity: 1048576 });
  assert.ok(report.ok);
});

Deno.test("the registry holds the search placer, which minimises without a capacity", async () => {
  assert.equal(getPlacer("search"), searchPlacer);
  const r = await searchPlacer.place(staircase());
  assert.equal(r.arena, 6);
  assert.equal(r.status, "optimal");
  const capped = await searchPlacer.place({ ...staircase(), capacity: 100 }, { capacity: 6 });
  assert.equal(capped.details!.capacity, 6);
  assert.ok(capped.arena <= 6);
});

Deno.test("at peak live, a search its first runs did not settle makes no greedy placement on the way", () => {
  // Greedy would fit there only if it were optimal; the later runs settle it.
  let restarted = 0;
  for (let seed = 1; seed <= 40; seed++) {
    const problem = tightProblem({
      random: seeded(seed),
      capacity: 1024,
      horizon: 30,
      buffers: 60,
    });
    const r = placeSearch(problem, { capacity: 1024, timeLimit: 60, threads: 1 });
    // More nodes than a first run's budget (buffers + 128): its first run failed.
    if (r.status !== "optimal" || (r.details!.nodes as number) <= problem.buffers.length + 128) {
      continue;
    }
    restarted++;
    assert.equal(r.details!.greedyArena, undefined, `seed ${seed}`);
  }
  assert.ok(restarted > 0, "no problem needed a second run");
});
