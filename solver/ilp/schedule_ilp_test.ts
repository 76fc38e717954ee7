import assert from "node:assert/strict";
import { indexGraph } from "../../graph/indexed_graph.ts";
import { lifetimes, programOrder } from "../../graph/lifetimes.ts";
import { peakLive, programOrderPeak } from "../../graph/metrics.ts";
import { isValidOrder } from "../../graph/order_check.ts";
import { simulate } from "../../simulator/simulate.ts";
import { scheduleGreedy } from "../schedulers/greedy.ts";
import { randomDag } from "../../testkit/mod.ts";
import { bruteForceSchedule } from "../../testkit/brute_force_schedule.ts";
import { threeBranchGraph } from "./_test_graphs.ts";
import { ilpScheduler, scheduleIlp } from "./schedule_ilp.ts";

Deno.test("ilp scheduler: three branches, program order 32, optimal 14 proved", async () => {
  const g = indexGraph(threeBranchGraph());
  assert.equal(programOrderPeak(g).bytes, 32);
  const r = await ilpScheduler.schedule(g, { timeLimit: Infinity });
  assert.equal(r.status, "optimal");
  assert.equal(r.details?.mode, "full"); // the cut bound (12) cannot prove 14
  assert.equal(r.peakLive, 14);
  assert.ok(isValidOrder(g, r.order));
  const report = simulate(g, { order: r.order });
  assert.ok(report.ok);
  assert.equal(report.peakLive, r.peakLive);
});

Deno.test("ilp scheduler from program order: the ILP alone finds 14", async () => {
  const g = indexGraph(threeBranchGraph());
  const r = await scheduleIlp(g, { start: programOrder(g), timeLimit: Infinity });
  assert.equal(r.status, "optimal");
  assert.equal(r.peakLive, 14);
  assert.equal(r.details?.startPeak, 32);
});

Deno.test("ilp scheduler equals brute force on small random graphs", async () => {
  // From program order as well as from greedy, so the ILP itself does the work
  // (greedy alone often meets the lower bound on graphs this small).
  let ilpRuns = 0;
  for (let seed = 1; seed <= 12; seed++) {
    const g = indexGraph(randomDag({ seed, ops: 5 + (seed % 4) }));
    const best = bruteForceSchedule(g.graph).peak;
    for (const start of [undefined, programOrder(g)]) {
      const r = await scheduleIlp(g, { timeLimit: Infinity, ...(start ? { start } : {}) });
      const what = `seed ${seed}, start ${start ? "program" : "greedy"}`;
      assert.equal(r.peakLive, best, what);
      assert.equal(r.status, "optimal", what);
      assert.ok(isValidOrder(g, r.order), what);
      assert.equal(peakLive(g, lifetimes(g, r.order)).bytes, r.peakLive, what);
      if (r.details?.mode === "full") ilpRuns++;
    }
  }
  assert.ok(ilpRuns >= 12, `the ILP ran ${ilpRuns} times`);
});

Deno.test("windowed mode returns a valid order no worse than greedy", async () => {
  const g = indexGraph(randomDag({ seed: 5, ops: 120 }));
  const greedy = scheduleGreedy(g);
  const r = await scheduleIlp(g, { timeLimit: 3, fullMaxColumns: 0, window: 12 });
  assert.equal(r.details?.mode, "windows");
  assert.ok(isValidOrder(g, r.order));
  assert.ok(r.peakLive <= greedy.peakLive);
  assert.equal(peakLive(g, lifetimes(g, r.order)).bytes, r.peakLive);
  assert.ok(r.status !== "optimal" || r.peakLive === r.bound);
  const report = simulate(g, { order: r.order });
  assert.ok(report.ok);
  assert.equal(report.peakLive, r.peakLive);
});

Deno.test("a graph without ops is trivially optimal", async () => {
  const g = indexGraph({
    format: "memplan.graph/v1",
    name: "empty",
    tensors: [{ id: "w", size: 4, kind: "weight" }],
    ops: [],
  });
  const r = await scheduleIlp(g, { timeLimit: 1 });
  assert.equal(r.order.length, 0);
  assert.equal(r.status, "optimal");
});
