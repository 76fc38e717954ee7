import assert from "node:assert/strict";
import { loadGraph } from "../graph/load.ts";
import { getPlacer, getScheduler } from "../solver/registry.ts";
import type { Placer } from "../solver/types.ts";
import { EXIT, outcomeExit } from "./exit.ts";
import type { TimedSchedule } from "./plan_graph.ts";
import { BOUND_SHARE, planVerified } from "./plan_verified.ts";
import { ORDER_BOUND_SECONDS } from "../graph/bounds/order_bound.ts";

const tiny = () => loadGraph("testdata/graphs/tiny.json");

/** Puts every buffer at offset 0: overlaps wherever two buffers live together. */
const stacked: Placer = {
  name: "stacked",
  description: "every buffer at 0 (a planted bug)",
  place: (problem) =>
    Promise.resolve({
      offsets: new Float64Array(problem.buffers.length),
      arena: Math.max(0, ...problem.buffers.map((b) => b.size)),
      status: "feasible",
      seconds: 0,
    }),
};

Deno.test("planVerified: a valid plan is replayed, bounded and fits", async () => {
  const r = await planVerified(await tiny(), { scheduler: "program", placer: "greedy-size" });
  assert.ok(r.report.ok);
  assert.deepEqual(r.plannerBug, []);
  assert.equal(r.fits, true);
  assert.equal(r.bound.bytes, 22);
  assert.equal(r.orderGap, r.report.peakLive - 22);
  assert.equal(r.placementGap, r.report.arena - r.report.peakLive);
  assert.equal(r.plan.planner?.name, "program+greedy-size");
  assert.equal(outcomeExit(r), EXIT.ok);
});

Deno.test("planVerified: an overlapping placer is a planner bug, exit internal", async () => {
  const r = await planVerified(await tiny(), { scheduler: "program", placer: stacked });
  assert.ok(r.plannerBug.length > 0);
  assert.ok(r.plannerBug.every((v) => v.kind === "overlap"));
  assert.equal(r.plan.planner?.name, "program+stacked");
  assert.equal(outcomeExit(r), EXIT.internal);
});

Deno.test("planVerified: over the capacity is not a bug but not found", async () => {
  const r = await planVerified(await tiny(), {
    scheduler: "greedy",
    placer: "greedy-size",
    capacity: 10,
  });
  assert.deepEqual(r.plannerBug, []);
  assert.equal(r.fits, false);
  assert.ok(r.report.violations.every((v) => v.kind === "out_of_capacity"));
  assert.equal(outcomeExit(r), EXIT.notFound);
});

Deno.test("planVerified: a given bound is used as is; schedules are reused", async () => {
  const g = await tiny();
  const schedules = new Map<string, Promise<TimedSchedule>>();
  let runs = 0;
  const base = getScheduler("greedy");
  const counting = {
    ...base,
    schedule: (...a: Parameters<typeof base.schedule>) => {
      runs++;
      return base.schedule(...a);
    },
  };
  const bound = { bytes: 1, kind: "trivial" as const, seconds: 0 };
  for (const placer of [getPlacer("greedy-size"), getPlacer("first-fit")]) {
    const r = await planVerified(g, { scheduler: counting, placer, schedules, bound });
    assert.equal(r.bound, bound);
    assert.ok(r.report.ok);
  }
  assert.equal(runs, 1);
});

Deno.test("planVerified: a limited plan keeps a share of its time for the bound it computes", async () => {
  const g = await tiny();
  const limits: number[] = [];
  const base = getScheduler("greedy");
  const noting = {
    ...base,
    schedule: (...a: Parameters<typeof base.schedule>) => {
      limits.push(a[1]!.timeLimit!);
      return base.schedule(...a);
    },
  };
  await planVerified(g, { scheduler: noting, placer: "first-fit", timeLimit: 10 });
  // A fifth of 10 s for the bound, half of the rest for the scheduler.
  assert.equal(limits.at(-1), (10 - BOUND_SHARE * 10) / 2);
  // A bound given, or a time for it given, takes nothing from the plan.
  const bound = { bytes: 1, kind: "trivial" as const, seconds: 0 };
  await planVerified(g, { scheduler: noting, placer: "first-fit", timeLimit: 10, bound });
  await planVerified(g, {
    scheduler: noting,
    placer: "first-fit",
    timeLimit: 10,
    boundTimeLimit: 1,
  });
  assert.deepEqual(limits.slice(-2), [5, 5]);
  // At most ORDER_BOUND_SECONDS are kept, whatever the limit.
  await planVerified(g, { scheduler: noting, placer: "first-fit", timeLimit: 100 });
  assert.equal(limits.at(-1), (100 - ORDER_BOUND_SECONDS) / 2);
});
