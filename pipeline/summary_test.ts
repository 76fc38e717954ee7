import assert from "node:assert/strict";
import { loadGraph } from "../graph/load.ts";
import { placeVerified } from "./place_verified.ts";
import { planVerified } from "./plan_verified.ts";
import { placeSummary, planSummary } from "./summary.ts";

Deno.test("planSummary: the replay's figures, gaps and the names asked for", async () => {
  const g = await loadGraph("testdata/graphs/branchy.json");
  const r = await planVerified(g, { scheduler: "program", placer: "first-fit", capacity: 1000 });
  const s = planSummary(r, "out.json");
  assert.equal(s.scheduler.name, "program");
  assert.equal(s.placer.name, "first-fit");
  assert.equal(s.arena, r.report.arena);
  assert.equal(s.orderGap, r.report.peakLive - r.bound.bytes);
  assert.equal(s.orderOptimal, s.orderGap === 0);
  assert.equal(s.placementGap, s.arena - s.peakLive);
  assert.equal(s.arenaVsProgramOrderPeak, s.arena / s.programOrderPeak - 1);
  assert.equal(s.orderGapFraction, s.orderGap / s.peakLive);
  assert.equal(s.capacity, 1000);
  assert.equal(s.output, "out.json");
});

Deno.test("placeSummary: names the output only when the placement fits", async () => {
  const problem = { buffers: [{ id: "a", lower: 0, upper: 1, size: 4 }] };
  const names = { problem: "p.csv", placer: "first-fit", output: "o.csv" };
  const fits = placeSummary(await placeVerified(problem, { placer: "first-fit" }), names);
  assert.equal(fits.output, "o.csv");
  const over = await placeVerified(problem, { placer: "first-fit", capacity: 3 });
  assert.equal(placeSummary(over, names).output, undefined);
  assert.equal(placeSummary(over, names).capacity, 3);
});
