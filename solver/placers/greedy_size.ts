/**
 * Greedy by size: the largest buffers first, each in the best-fitting gap.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";
import { bufferCount } from "../../graph/problem_columns.ts";
import type { Placer, PlaceResult } from "../types.ts";
import { keyOf, orderByKeysDescending } from "./_buffer_order.ts";
import { placeInOrder } from "./_place_in_order.ts";
import { type GreedyPlaceOptions, placeResult } from "./_place_result.ts";

export type { GreedyPlaceOptions };

/**
 * Largest size first; ties: longer lifespan, then earlier start, then input
 * order. Big buffers placed early leave the small ones to fill the gaps.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const r = placeGreedySize(await loadMinimallocCsv("testdata/minimalloc/example.12.csv"));
 * assert.equal(r.arena, 12);
 * ```
 */
export function placeGreedySize(
  problem: PlacementProblem,
  options: GreedyPlaceOptions = {},
): PlaceResult {
  const t0 = performance.now();
  const order = orderByKeysDescending(bufferCount(problem), [
    keyOf(problem, (b) => b.size),
    keyOf(problem, (b) => b.upper - b.lower),
    keyOf(problem, (b) => -b.lower),
  ]);
  const placement = placeInOrder(problem, order, "best-fit", options);
  return placeResult(problem, placement, options, t0, { policy: "best-fit" });
}

/**
 * The `greedy-size` placer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * const { offsets, arena } = await greedySizePlacer.place(problem);
 * assert.deepEqual([offsets.length, arena], [5, 12]);
 * ```
 */
export const greedySizePlacer: Placer = {
  name: "greedy-size",
  description: "largest buffer first (ties: longer lifespan, earlier start), best-fitting gap",
  place: (problem, options) => Promise.resolve(placeGreedySize(problem, options)),
};
