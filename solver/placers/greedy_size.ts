/**
 * Greedy by size: the largest buffers first, each in the best-fitting gap.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";
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
 * const r = placeGreedySize(await loadMinimallocCsv("testdata/minimalloc/example.12.csv"));
 * r.arena; // 12
 * ```
 */
export function placeGreedySize(
  problem: PlacementProblem,
  options: GreedyPlaceOptions = {},
): PlaceResult {
  const t0 = performance.now();
  const order = orderByKeysDescending(problem.buffers.length, [
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
 * const { offsets, arena } = await greedySizePlacer.place(problem);
 * ```
 */
export const greedySizePlacer: Placer = {
  name: "greedy-size",
  description: "largest buffer first (ties: longer lifespan, earlier start), best-fitting gap",
  place: (problem, options) => Promise.resolve(placeGreedySize(problem, options)),
};
