/**
 * Greedy by area: the buffers with the largest size × lifespan first, each in
 * the best-fitting gap.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";
import { bufferCount } from "../../graph/problem_columns.ts";
import type { Placer, PlaceResult } from "../types.ts";
import { keyOf, orderByKeysDescending } from "./_buffer_order.ts";
import { placeInOrder } from "./_place_in_order.ts";
import { type GreedyPlaceOptions, placeResult } from "./_place_result.ts";

/**
 * Largest `size × (upper - lower)` first; ties: larger size, then earlier
 * start, then input order. Long-lived big buffers pin the layout for longest.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * const r = placeGreedyArea(problem);
 * assert.equal(r.arena, 12);
 * ```
 */
export function placeGreedyArea(
  problem: PlacementProblem,
  options: GreedyPlaceOptions = {},
): PlaceResult {
  const t0 = performance.now();
  const order = orderByKeysDescending(bufferCount(problem), [
    keyOf(problem, (b) => b.size * (b.upper - b.lower)),
    keyOf(problem, (b) => b.size),
    keyOf(problem, (b) => -b.lower),
  ]);
  const placement = placeInOrder(problem, order, "best-fit", options);
  return placeResult(problem, placement, options, t0, { policy: "best-fit" });
}

/**
 * The `greedy-area` placer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * const { arena } = await greedyAreaPlacer.place(problem);
 * assert.equal(arena, 12);
 * ```
 */
export const greedyAreaPlacer: Placer = {
  name: "greedy-area",
  description: "largest size × lifespan first, best-fitting gap",
  place: (problem, options) => Promise.resolve(placeGreedyArea(problem, options)),
};
