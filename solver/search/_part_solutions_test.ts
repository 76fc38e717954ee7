import assert from "node:assert/strict";
import { assertPlacementValid, seeded } from "../../testkit/mod.ts";
import { staircase } from "./_fixtures.ts";
import { PartSolutions } from "./_part_solutions.ts";
import { tightProblem } from "./_tight_problems.ts";

Deno.test("PartSolutions solves each part and reuses placements that still fit", () => {
  // The staircase twice, side by side in time (steps 0-3 and 10-13), plus a
  // zero-size buffer: two parts.
  const base = staircase().buffers;
  const p = {
    buffers: [
      ...base,
      ...base.map((b) => ({ ...b, id: `${b.id}'`, lower: b.lower + 10, upper: b.upper + 10 })),
      { id: "z", lower: 0, upper: 20, size: 0 },
    ],
  };
  const parts = new PartSolutions(p);
  assert.equal(parts.count, 2);
  assert.equal(parts.solve(5, Infinity).outcome, "infeasible");
  const at6 = parts.solve(6, Infinity);
  assert.equal(at6.outcome, "found");
  assert.ok(at6.nodes > 0);
  assertPlacementValid(p, at6.offsets!);
  assert.equal(at6.offsets![12], 0);
  // Both parts already fit in 7: no search at all.
  const at7 = parts.solve(7, Infinity);
  assert.equal(at7.nodes, 0);
  assert.deepEqual(at7.offsets, at6.offsets);
});

Deno.test("PartSolutions reports a timeout with what it has", () => {
  const parts = new PartSolutions(staircase(), { checkEvery: 1 });
  const r = parts.solve(6, performance.now() - 1);
  assert.equal(r.outcome, "timeout");
  assert.equal(r.offsets!.length, 6);
});

Deno.test("PartSolutions resumes an unsettled search at its capacity after probes at others", () => {
  // A cut of 120 buffers whose first run at 64 does not settle it.
  const p = tightProblem({ random: seeded(2), capacity: 64, horizon: 40, buffers: 120 });
  const fresh = new PartSolutions(p).solve(64, Infinity);
  assert.equal(fresh.outcome, "found");
  const parts = new PartSolutions(p);
  assert.equal(parts.tryFirstRuns(64, Infinity, 1), undefined);
  // A probe elsewhere does not drop the paused search: at 64 it goes on past its first run.
  assert.equal(parts.solve(63, Infinity).outcome, "infeasible");
  const resumed = parts.solve(64, Infinity);
  assert.equal(resumed.outcome, "found");
  assertPlacementValid(p, resumed.offsets!);
  assert.ok(resumed.offsets!.every((o, i) => o + p.buffers[i].size <= 64));
  // Started over, it would take about as many nodes as the fresh search
  // (287 of 328); it takes only what the first run left (79).
  assert.ok(resumed.nodes < fresh.nodes / 2, `${resumed.nodes} of ${fresh.nodes}`);
});
