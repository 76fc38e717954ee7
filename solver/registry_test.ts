import assert from "node:assert/strict";
import { indexGraph } from "../graph/indexed_graph.ts";
import { lifetimes } from "../graph/lifetimes.ts";
import { peakLive } from "../graph/metrics.ts";
import { placementProblem } from "../graph/placement_problem.ts";
import { assertPlacementValid, assertTopological, randomDag } from "../testkit/mod.ts";
import {
  getPlacer,
  getScheduler,
  linearPlacers,
  PLACER_TABLE,
  placerNames,
  PLACERS,
  plannerNames,
  schedulerNames,
  SCHEDULERS,
} from "./registry.ts";

Deno.test("registry lists the greedy planners under their own names", () => {
  // Other planners (ilp, best, …) join these tables; the greedy ones must be there.
  for (const name of ["program", "greedy"]) assert.ok(schedulerNames().includes(name));
  for (const name of ["greedy-size", "greedy-conflicts", "greedy-area", "first-fit"]) {
    assert.ok(placerNames().includes(name));
  }
  for (const [name, s] of Object.entries(SCHEDULERS)) assert.equal(s.name, name);
  for (const [name, p] of Object.entries(PLACERS)) assert.equal(p.name, name);
  assert.equal(getScheduler("greedy"), SCHEDULERS.greedy);
  assert.equal(getPlacer("first-fit"), PLACERS["first-fit"]);
});

Deno.test("registry: unknown names list the valid ones", () => {
  assert.throws(
    () => getScheduler("magic"),
    /^Error: unknown scheduler "magic"; valid schedulers: program, greedy, /,
  );
  assert.throws(
    () => getPlacer("toString"),
    /unknown placer "toString"; valid placers: greedy-size, /,
  );
});

// Linear planners are cheap; search- and solver-backed ones get fewer,
// time-limited cases here (the property suite covers them at length).
const CHEAP = new Set(plannerNames({ cost: "linear" }));

Deno.test("every registered scheduler and placer gives a valid plan (random DAGs)", async () => {
  for (let seed = 1; seed <= 25; seed++) {
    const g = indexGraph({ ...randomDag({ seed, ops: 8 + seed }), alignment: seed % 2 ? 1 : 4 });
    const wanted = (name: string) => CHEAP.has(name) || seed <= 3;
    for (const s of Object.values(SCHEDULERS).filter((x) => wanted(x.name))) {
      const r = await s.schedule(g, { timeLimit: 2 });
      assertTopological(g, r.order);
      const lt = lifetimes(g, r.order);
      assert.equal(r.peakLive, peakLive(g, lt).bytes, `${s.name}, seed ${seed}`);
      const problem = placementProblem(g, lt);
      for (const p of Object.values(PLACERS).filter((x) => wanted(x.name))) {
        const placed = await p.place(problem, { timeLimit: 2 });
        assertPlacementValid(problem, placed.offsets);
        assert.ok(placed.arena >= r.peakLive, `${p.name}: arena below peak live`);
      }
    }
  }
});

Deno.test("registry: the trait lists are derived from the one table", () => {
  assert.deepEqual(plannerNames({ cost: "linear" }), [
    "program",
    "greedy",
    "greedy-size",
    "greedy-conflicts",
    "greedy-area",
    "first-fit",
    "skyline",
  ]);
  assert.deepEqual(schedulerNames({ exact: true }), ["ilp"]);
  assert.deepEqual(placerNames({ exact: true }), ["ilp", "search"]);
  assert.deepEqual(
    linearPlacers().map((p) => p.name),
    placerNames({ cost: "linear" }),
  );
  for (const [name, e] of Object.entries(PLACER_TABLE)) assert.equal(PLACERS[name], e.planner);
});

Deno.test("registry: best starts from every linear placer, the first winning ties", async () => {
  // Two buffers that greedy-size places optimally: best stops after the first start.
  const problem = {
    buffers: [{ id: "a", lower: 0, upper: 2, size: 4 }, { id: "b", lower: 1, upper: 3, size: 2 }],
  };
  const r = await PLACERS.best.place(problem, { timeLimit: 5 });
  assert.deepEqual(Object.keys(r.details?.greedy as object), ["greedy-size"]);
  assert.equal(r.details?.start, "greedy-size");
  assert.equal(r.status, "optimal");
});
