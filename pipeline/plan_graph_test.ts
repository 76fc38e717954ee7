import assert from "node:assert/strict";
import { loadGraph } from "../graph/load.ts";
import { getScheduler } from "../solver/registry.ts";
import type { Placer, Scheduler } from "../solver/types.ts";
import { planGraph } from "./plan_graph.ts";

Deno.test("planGraph: the scheduler gets half the budget, the placer what is left, even none", async () => {
  const g = await loadGraph("testdata/graphs/tiny.json");
  const seen: { schedule?: number; place?: number } = {};
  const greedy = getScheduler("greedy");
  const scheduler: Scheduler = {
    ...greedy,
    schedule: (g, o) => {
      seen.schedule = o?.timeLimit;
      return greedy.schedule(g, o);
    },
  };
  const placer: Placer = {
    name: "probe",
    description: "records its time limit",
    place: (p, o) => {
      seen.place = o?.timeLimit;
      return Promise.resolve({
        offsets: new Float64Array(p.buffers.length),
        arena: 0,
        status: "feasible",
        seconds: 0,
      });
    },
  };
  // The placer gets what the scheduler left: at most 8 s, and at least 8 s less
  // the whole call's wall time, whatever the machine's speed.
  const t0 = performance.now();
  await planGraph(g, { scheduler, placer, timeLimit: 8 });
  const wall = (performance.now() - t0) / 1000;
  assert.equal(seen.schedule, 4);
  assert.ok(seen.place! >= 8 - wall && seen.place! <= 8, `${seen.place}`);
  // No time: the placer's quickest answer, not a second more than the limit.
  await planGraph(g, { scheduler, placer, timeLimit: 0 });
  assert.equal(seen.schedule, 0);
  assert.equal(seen.place, 0);
});

Deno.test("planGraph: names given as strings are the plan's provenance", async () => {
  const g = await loadGraph("testdata/graphs/tiny.json");
  const r = await planGraph(g, { scheduler: "program", placer: "first-fit", capacity: 100 });
  assert.equal(r.plan.planner?.name, "program+first-fit");
  assert.equal(r.plan.capacity, 100);
  assert.equal(r.schedulerName, "program");
  assert.equal(r.placerName, "first-fit");
});
