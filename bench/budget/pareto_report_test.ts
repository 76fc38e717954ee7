import assert from "node:assert/strict";
import { paretoChart, paretoTable, pointCell } from "./pareto_report.ts";
import type { ParetoCurve } from "./pareto_sweep.ts";

const curve: ParetoCurve = {
  graph: "g",
  noRecomputePeak: 2 * 1048576,
  noRecomputeBound: 2 * 1048576,
  bound: 1048576,
  boundOp: "f",
  recomputeBound: 1048576,
  recomputeBoundOp: "f",
  costSource: "graph",
  points: [
    {
      planner: "chen",
      budget: 2 * 1048576,
      status: "verified",
      recomputedFraction: 0,
      arena: 10,
      seconds: 0,
    },
    {
      planner: "checkmate",
      budget: 2 * 1048576,
      status: "verified",
      recomputedFraction: 0.25,
      plannerStatus: "optimal",
      atBudget: true,
      arena: 9,
      seconds: 0,
    },
    { planner: "chen", budget: 1048575, status: "impossible", seconds: 0 },
    { planner: "checkmate", budget: 1048575, status: "not_found", provedNone: true, seconds: 0 },
  ],
};

Deno.test("pareto table: one row per budget, cells say how each point was reached", () => {
  const table = paretoTable(curve, ["chen", "checkmate"]);
  const rows = table.split("\n");
  assert.equal(rows.length, 4);
  assert.equal(rows[2], "| 2.00 MiB | 100.0% | 0.00% | 25.00% (optimal) |");
  assert.equal(
    rows[3],
    "| 1048575 B | 50.0% | impossible, bound 1048576 | none in its model (proved) |",
  );
  assert.equal(pointCell({ planner: "x", budget: 1, status: "invalid", seconds: 0 }), "INVALID");
});

Deno.test("pareto chart: verified points only", () => {
  const spec = paretoChart(curve) as { data: { values: unknown[] } };
  assert.equal(spec.data.values.length, 2);
});
