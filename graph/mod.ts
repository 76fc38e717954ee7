/**
 * Graph model, formats, lifetimes and metrics: everything else builds on these.
 *
 * @module
 */
export * from "./types.ts";
export * from "./input_error.ts";
export * from "./indexed_graph.ts";
export * from "./lifetimes.ts";
export * from "./metrics.ts";
export * from "./plan.ts";
export * from "./minimalloc_csv.ts";
export * from "./placement_problem.ts";
export * from "./read_input.ts";
export * from "./write_output.ts";
export * from "./load.ts";
export * from "./order_check.ts";
