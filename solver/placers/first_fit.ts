/**
 * First fit by start time: buffers in the order they come alive, each in the
 * lowest gap that fits (what an online allocator that never moves would do,
 * knowing every lifespan).
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";
import type { Placer, PlaceResult } from "../types.ts";
import { countingOrderAscending, sortTies } from "./_buffer_order.ts";
import { sortedOrder } from "../../graph/sorted_order.ts";
import { withScratch } from "../../graph/scratch.ts";
import { bufferCount } from "../../graph/problem_columns.ts";
import { problemSteps } from "../../graph/problem_steps.ts";
import { firstFitSweep } from "./_first_fit_sweep.ts";
import { checkedAlignment } from "./_place_in_order.ts";
import { type GreedyPlaceOptions, placeResult } from "./_place_result.ts";

/**
 * Earliest start first; ties: larger size, then longer lifespan, then input
 * order. Lowest gap that fits. Start-time order lets the core sweep:
 * O(n log n) and exact at any size.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * const r = placeFirstFit(problem);
 * assert.equal(r.arena, 12);
 * ```
 */
export function placeFirstFit(
  problem: PlacementProblem,
  options: GreedyPlaceOptions = {},
): PlaceResult {
  const t0 = performance.now();
  const n = bufferCount(problem);
  // Steps order buffers as their times do (ties included: the third key
  // counts only among equal lowers, where it orders as upper does).
  const columns = problemSteps(problem);
  const { lower, upper, size } = columns;
  // Earliest start first; then larger size, then longer life, then index.
  const ties = (a: number, b: number) =>
    size[b] - size[a] || (upper[b] - lower[b]) - (upper[a] - lower[a]) || a - b;
  const offsets = new Float64Array(n);
  // The order and the sweep's arrays in scratch memory (graph/scratch.ts):
  // at a million buffers, 20 MB of pages touched before.
  const arena = withScratch((mem) => {
    const byLower = countingOrderAscending(lower, undefined, mem) ?? sortedOrder(lower, mem);
    const order = sortTies(byLower, lower, ties);
    // The order is by start time by construction: the sweep directly, without
    // the general core's checks of an order given from outside.
    return firstFitSweep(problem, order, checkedAlignment(problem), offsets, columns, mem);
  });
  const placement = { offsets, arena, truncated: 0 };
  return placeResult(problem, placement, options, t0, { policy: "first-fit" });
}

/**
 * The `first-fit` placer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * const { arena } = await firstFitPlacer.place(problem);
 * assert.equal(arena, 12);
 * ```
 */
export const firstFitPlacer: Placer = {
  name: "first-fit",
  description: "earliest start first (ties: larger size), lowest gap that fits",
  place: (problem, options) => Promise.resolve(placeFirstFit(problem, options)),
};
