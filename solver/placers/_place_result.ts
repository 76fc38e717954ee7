/**
 * Turning a placement into a PlaceResult: status against the capacity and the
 * peak-live lower bound, the same way for every greedy placer.
 *
 * @module
 */
import { problemPeakLive } from "../../graph/placement_problem.ts";
import { bufferCount } from "../../graph/problem_columns.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import type { PlaceOptions, PlaceResult } from "../types.ts";
import { defaultSearchLimit, type PlaceInOrderOptions, type Placement } from "./_place_in_order.ts";

/**
 * Options of the greedy placers: those of every placer, and the search limit of
 * the core. A greedy placer makes one pass, so `timeLimit` and `seed` change nothing.
 */
export interface GreedyPlaceOptions extends PlaceOptions, PlaceInOrderOptions {}

/**
 * `infeasible` when a capacity (`options.capacity`, else `problem.capacity`) is
 * exceeded (offsets still returned); `optimal` when the arena equals the
 * peak-live bound, which no placement can beat; else `feasible`. Details
 * name the gap policy and how many searches stopped at the search limit.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { problemPeakLive } from "../../graph/placement_problem.ts";
import { bufferCount } from "../../graph/problem_columns.ts";
 * import { placeInOrder } from "./_place_in_order.ts";
 * const problem = { buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 },
 *   { id: "b", lower: 1, upper: 3, size: 4 },
 * ] };
 * const t0 = performance.now();
 * const r = placeResult(problem, placeInOrder(problem, [0, 1], "best-fit"), {}, t0, {
 *   policy: "best-fit",
 * });
 * assert.equal(r.bound, problemPeakLive(problem));
 * assert.equal(r.status, "optimal"); // arena 8 = bound
 * ```
 */
export function placeResult(
  problem: PlacementProblem,
  placement: Placement,
  options: GreedyPlaceOptions,
  startedAt: number,
  details: Record<string, unknown> = {},
): PlaceResult {
  const bound = options.peakLive ?? problemPeakLive(problem);
  const capacity = options.capacity ?? problem.capacity;
  const { offsets, arena, truncated } = placement;
  const status = capacity !== undefined && arena > capacity
    ? "infeasible"
    : arena === bound
    ? "optimal"
    : "feasible";
  return {
    offsets,
    arena,
    status,
    seconds: (performance.now() - startedAt) / 1000,
    bound,
    details: {
      ...details,
      searchLimit: options.searchLimit ?? defaultSearchLimit(bufferCount(problem)),
      truncatedSearches: truncated,
      ...(capacity === undefined ? {} : { capacity }),
    },
  };
}
