/**
 * memplan: plan, verify and measure the memory of one training step.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph, simulate } from "./mod.ts";
 * const report = simulate(await loadGraph("testdata/graphs/tiny.json"));
 * assert.deepEqual([report.ok, report.peakLive, report.arena], [true, 22, 22]);
 * ```
 *
 * @module
 */
export * from "./graph/mod.ts";
export * from "./simulator/mod.ts";
