/**
 * First fit by start time: buffers in the order they come alive, each in the
 * lowest gap that fits (what an online allocator that never moves would do,
 * knowing every lifespan).
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";
import type { Placer, PlaceResult } from "../types.ts";
import { keyOf, orderByKeysDescending } from "./_buffer_order.ts";
import { placeInOrder } from "./_place_in_order.ts";
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
  const order = orderByKeysDescending(problem.buffers.length, [
    keyOf(problem, (b) => -b.lower),
    keyOf(problem, (b) => b.size),
    keyOf(problem, (b) => b.upper - b.lower),
  ]);
  const placement = placeInOrder(problem, order, "first-fit", options);
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
