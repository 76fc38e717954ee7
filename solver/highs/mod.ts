/**
 * The one HiGHS adapter: a solver-neutral model, its LP text, and a solve in a
 * worker with a hard deadline.
 *
 * @module
 */
export * from "./model.ts";
export * from "./lp_text.ts";
export * from "./solve.ts";
