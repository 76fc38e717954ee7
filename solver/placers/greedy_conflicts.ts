/**
 * Greedy by conflicts: the buffers that conflict with the most bytes first,
 * each in the best-fitting gap.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";
import { bufferCount } from "../../graph/problem_columns.ts";
import type { Placer, PlaceResult } from "../types.ts";
import { keyOf, orderByKeysDescending } from "./_buffer_order.ts";
import { conflictWeights } from "./_conflict_weights.ts";
import { placeInOrder } from "./_place_in_order.ts";
import { type GreedyPlaceOptions, placeResult } from "./_place_result.ts";

/**
 * Most conflicting bytes first (the buffers that constrain the most memory);
 * ties: more conflicting buffers, larger size, earlier start, input order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * const r = placeGreedyConflicts(problem);
 * assert.equal(r.arena, 12);
 * ```
 */
export function placeGreedyConflicts(
  problem: PlacementProblem,
  options: GreedyPlaceOptions = {},
): PlaceResult {
  const t0 = performance.now();
  const { bytes, degree } = conflictWeights(problem);
  const order = orderByKeysDescending(bufferCount(problem), [
    bytes,
    degree,
    keyOf(problem, (b) => b.size),
    keyOf(problem, (b) => -b.lower),
  ]);
  const placement = placeInOrder(problem, order, "best-fit", options);
  return placeResult(problem, placement, options, t0, { policy: "best-fit" });
}

/**
 * The `greedy-conflicts` placer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * const { arena } = await greedyConflictsPlacer.place(problem);
 * assert.equal(arena, 12);
 * ```
 */
export const greedyConflictsPlacer: Placer = {
  name: "greedy-conflicts",
  description: "most conflicting bytes first (ties: conflict count, size), best-fitting gap",
  place: (problem, options) => Promise.resolve(placeGreedyConflicts(problem, options)),
};
