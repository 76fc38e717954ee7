/**
 * memplan: plan, verify and measure the memory of one training step.
 *
 * @example
 * ```ts
 * import { loadGraph, simulate } from "./mod.ts";
 * const report = simulate(await loadGraph("testdata/graphs/tiny.json"));
 * ```
 *
 * @module
 */
export * from "./graph/mod.ts";
export * from "./simulator/mod.ts";
