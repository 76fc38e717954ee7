import assert from "node:assert/strict";
import { marketSplit, tinyMip } from "./_test_models.ts";
import { ModelBuilder } from "./model.ts";
import { solveModel } from "./solve.ts";

Deno.test("solveModel proves the optimum of a tiny integer program", async () => {
  const r = await solveModel(tinyMip(), { timeLimit: Infinity });
  assert.equal(r.status, "optimal");
  assert.equal(r.objective, -8);
  assert.equal(r.bound, -8);
  assert.deepEqual([...r.values!], [2, 3]);
});

Deno.test("solveModel takes a start and a cutoff; a cutoff below the optimum is infeasible", async () => {
  const start = Float64Array.from([3, 1]);
  const atOptimum = await solveModel(tinyMip(), {
    timeLimit: Infinity,
    mipStart: start,
    cutoff: -8,
  });
  assert.equal(atOptimum.status, "optimal");
  assert.equal(atOptimum.objective, -8);
  const below = await solveModel(tinyMip(), { timeLimit: Infinity, cutoff: -9 });
  assert.equal(below.status, "infeasible");
  assert.equal(below.values, undefined);
});

Deno.test("solveModel reports an infeasible model as a value", async () => {
  const b = new ModelBuilder();
  const x = b.addVar("x", { upper: 1, integer: true });
  b.addRow("impossible", [x], [1], { lower: 2 });
  const r = await solveModel(b.build(), { timeLimit: Infinity });
  assert.equal(r.status, "infeasible");
});

Deno.test("solveModel solves a continuous model", async () => {
  const b = new ModelBuilder();
  const x = b.addVar("x", { cost: 1 }), y = b.addVar("y", { cost: 1 });
  b.addRow("r", [x, y], [1, 2], { lower: 3 });
  const r = await solveModel(b.build(), { timeLimit: Infinity });
  assert.equal(r.status, "optimal");
  assert.equal(r.objective, 1.5);
});

// How soon a limited solve returns is measured by `deno task bench`, not here:
// these two assert what holds on any machine, however loaded.
Deno.test("solveModel stops a hard model at its time limit", async () => {
  const r = await solveModel(marketSplit(), { timeLimit: 1 });
  assert.equal(r.status, "timeout");
  assert.ok(r.values === undefined || r.values.length === marketSplit().numCols);
});

Deno.test("solveModel terminates the worker when HiGHS ignores the deadline", async () => {
  // HiGHS is told it has an hour; only the worker's termination can end it,
  // and a "killed" status proves that it did.
  const r = await solveModel(marketSplit(), {
    timeLimit: 1,
    grace: 0.5,
    highsOptions: { time_limit: 3600 },
  });
  assert.equal(r.status, "timeout");
  assert.equal(r.highsStatus, "killed");
});

Deno.test("solveModel with no time limit ends on a node limit, the same way every run", async () => {
  const runs = await Promise.all(
    [1, 2].map(() =>
      solveModel(marketSplit(), { timeLimit: Infinity, highsOptions: { mip_max_nodes: 20 } })
    ),
  );
  for (const r of runs) {
    assert.equal(r.status, "feasible");
    assert.equal(r.highsStatus, "solutionLimit");
  }
  assert.equal(runs[0].objective, runs[1].objective);
  assert.equal(runs[0].bound, runs[1].bound);
});

Deno.test("solveModel rejects a start of the wrong length", async () => {
  await assert.rejects(
    () => solveModel(tinyMip(), { timeLimit: 1, mipStart: new Float64Array(3) }),
    RangeError,
  );
});
