import assert from "node:assert/strict";
import { loadMinimallocCsv } from "../../graph/load.ts";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import { seeded } from "../../testkit/mod.ts";
import { alignedChain, staircase } from "./_fixtures.ts";
import { tightProblem } from "./_tight_problems.ts";
import { minimizeSearch } from "./minimize_search.ts";
import { placeSearch } from "./search_placer.ts";

Deno.test("minimize reaches the bound on the staircase (greedy: 7)", () => {
  const r = minimizeSearch(staircase());
  assert.equal(r.arena, 6);
  assert.equal(r.status, "optimal");
  assert.equal(r.bound, 6);
  assert.equal(r.details!.greedyArena, 7);
  assert.ok(verifyPlacement(staircase(), r.offsets).ok);
});

Deno.test("minimize proves an optimum above every bound by search (aligned chain: 6 > 5)", () => {
  const r = minimizeSearch(alignedChain());
  assert.equal(r.arena, 6);
  assert.equal(r.status, "optimal");
  assert.equal(r.bound, 6);
  const probes = r.details!.probes as { capacity: number; outcome: string }[];
  assert.ok(probes.some((p) => p.capacity === 5 && p.outcome === "infeasible"));
  // The same through the placer's option, and with a capacity to stay under.
  const viaOption = placeSearch(alignedChain(), { minimize: true, capacity: 8 });
  assert.equal(viaOption.arena, 6);
  assert.equal(viaOption.status, "optimal");
  const tooSmall = placeSearch(alignedChain(), { minimize: true, capacity: 5 });
  assert.equal(tooSmall.status, "infeasible");
  assert.equal(tooSmall.details!.proved, true);
});

Deno.test("minimize without time: timeout with the greedy placement, not optimal", () => {
  const { capacity: _, ...p } = tightProblem({
    random: seeded(153),
    capacity: 64,
    horizon: 40,
    buffers: 150,
  });
  const r = minimizeSearch(p, { timeLimit: 0, checkEvery: 1 });
  assert.equal(r.status, "timeout");
  assert.ok(r.arena >= 64);
  assert.ok(r.bound! <= r.arena);
  assert.ok(verifyPlacement(p, r.offsets).ok);
});

Deno.test("minimize on challenging-C reaches its lower bound 1,039,360 and says optimal", async () => {
  const p = await loadMinimallocCsv("testdata/minimalloc/challenging-C.1048576.csv");
  const r = minimizeSearch(p, { timeLimit: Infinity });
  assert.equal(r.arena, 1039360);
  assert.equal(r.status, "optimal");
  assert.ok(verifyPlacement(p, r.offsets).ok);
});
