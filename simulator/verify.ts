/**
 * `verify(graph, plan)`: the one call a compiler team's CI needs.
 *
 * @module
 */
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import { resolvePlan } from "../graph/plan.ts";
import type { Plan } from "../graph/types.ts";
import { type Report, simulate } from "./simulate.ts";

/** Options of {@linkcode verify}. */
export interface VerifyOptions {
  /** Capacity to check against; default the plan's own, if any. */
  capacity?: number;
  /** File name used in messages about a plan that does not fit the graph. */
  file?: string;
  /** How many violations to list (all are counted); default 100. */
  violationCap?: number;
}

/**
 * Checks a plan against its graph: the plan's ids are resolved against the
 * graph (an unknown id or missing offset throws `InputError`), then
 * the simulator replays it and judges order, alignment, capacity and overlaps.
 * `report.ok` is the verdict and `report.violations` lists what is wrong.
 *
 * @example
 * ```ts
 * import { loadGraph, loadPlan, verify } from "../mod.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const report = verify(g, await loadPlan("testdata/plans/tiny.valid.json"));
 * if (!report.ok) console.log(report.violations);
 * ```
 */
export function verify(g: IndexedGraph, plan: Plan, options: VerifyOptions = {}): Report {
  const resolved = resolvePlan(g, plan, { file: options.file });
  return simulate(g, {
    order: resolved.order,
    offsets: resolved.offsets,
    capacity: options.capacity ?? resolved.capacity,
    allocator: resolved.offsets ? "static" : "best-fit",
    violationCap: options.violationCap,
  });
}
