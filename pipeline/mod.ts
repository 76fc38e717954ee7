/**
 * The workflows, above the planners and the simulator: plan or place, replay
 * or verify, split planner bugs from outcomes, bound, summarise; exit codes.
 * The command line and the benchmark call these and nothing of each other.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * import { planVerified } from "./mod.ts";
 * const r = await planVerified(await loadGraph("testdata/graphs/tiny.json"), { timeLimit: 2 });
 * assert.ok(r.report.ok);
 * ```
 *
 * @module
 */
export * from "./exit.ts";
export * from "./graph_stats.ts";
export * from "./place_verified.ts";
export * from "./plan_graph.ts";
export * from "./plan_verified.ts";
export * from "./planner_bug.ts";
export * from "./replay.ts";
export * from "./status.ts";
export * from "./summary.ts";
export * from "./verify.ts";
export * from "./verify_solution.ts";
