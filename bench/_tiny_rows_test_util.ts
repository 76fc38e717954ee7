/**
 * Real benchmark rows for the examples and tests of the reports: the benchmark
 * matrix run on testdata/graphs/tiny.json, which takes milliseconds. Rows made
 * by hand would let an example show fields a real run never fills.
 *
 * @module
 */
import type { Placer } from "../solver/types.ts";
import { PLACERS, SCHEDULERS } from "../solver/registry.ts";
import { pathInputs } from "./inputs.ts";
import { benchTasks } from "./matrix.ts";
import type { BenchRow } from "./record.ts";
import { runInput } from "./run_input.ts";

/** A placer that puts every buffer at offset 0: its plans overlap, and the judge says so. */
export const brokenPlacer: Placer = {
  name: "broken",
  description: "puts every buffer at offset 0",
  place: (problem) =>
    Promise.resolve({
      offsets: new Float64Array(problem.buffers.length),
      arena: Math.max(0, ...problem.buffers.map((b) => b.size)),
      status: "feasible",
      seconds: 0,
    }),
};

/**
 * The rows of the sweep of `placers` (registry names, or `broken` for
 * {@linkcode brokenPlacer}) under the `program` and `greedy` schedulers on
 * tiny.json, baselines first; time limit 60 s (never reached), seed 1. Run from
 * the repository root.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const rows = await tinyRows();
 * assert.deepEqual(rows.map((r) => r.planner), [
 *   "program@pytorch", "program@best-fit", "program+greedy-size", "greedy+greedy-size",
 *   "greedy+first-fit",
 * ]);
 * assert.ok(rows.every((r) => r.verified));
 * ```
 */
export async function tinyRows(
  placers: readonly string[] = ["greedy-size", "first-fit"],
): Promise<BenchRow[]> {
  const [input] = await pathInputs(["testdata/graphs/tiny.json"]);
  const tasks = benchTasks(input, {
    schedulers: ["program", "greedy"],
    placers,
    timeLimit: 60,
    seed: 1,
  });
  const tables = { schedulers: SCHEDULERS, placers: { ...PLACERS, broken: brokenPlacer } };
  const rows: BenchRow[] = [];
  for await (const row of runInput(input, tasks, { tables })) rows.push(row);
  return rows;
}
