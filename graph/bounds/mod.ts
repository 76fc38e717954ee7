/**
 * Lower bounds on the peak live memory of every schedule of a training-step
 * graph, each with its proof in its doc comment: they certify how far any plan
 * is from the best possible.
 *
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * import { lowerBounds } from "./mod.ts";
 * const lb = lowerBounds(await loadGraph("testdata/graphs/tiny.json"));
 * assert.equal(lb.best, 22);
 * console.log(lb.best, lb.bestKind, lb.details);
 * ```
 *
 * @module
 */
export * from "./types.ts";
export * from "./lower_bounds.ts";
export * from "./persistent.ts";
export * from "./end_steps.ts";
export * from "./trivial.ts";
export * from "./cut.ts";
export * from "./mincut.ts";
export * from "./order_split.ts";
export * from "./extreme_prefixes.ts";
export * from "./op_upper_bounds.ts";
export * from "./max_over_ops.ts";
export * from "./max_flow.ts";
export * from "./precedence.ts";
export * from "./reachability.ts";
export * from "./order_bound.ts";
