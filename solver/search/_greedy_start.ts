/**
 * The greedy placement the exact search starts from, returns when it refutes
 * a capacity, and takes as a shortcut on large problems.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";
import { placeFirstFit } from "../placers/first_fit.ts";
import { placeGreedySize } from "../placers/greedy_size.ts";
import { PlacementDeadline } from "../placers/_place_in_order.ts";
import type { PlaceResult } from "../types.ts";

/** Above this many buffers greedy-size is tried only within the deadline, after first fit. */
export const GREEDY_SIZE_MAX_BUFFERS = 5000;

/**
 * Greedy-size's placement; above {@linkcode GREEDY_SIZE_MAX_BUFFERS} buffers
 * first fit's, then greedy-size's if it ends by `deadline`
 * (`performance.now()`), the lower of the two (`placer` names it). Greedy-size's best fit scans
 * the buffers alive at once for each buffer: on 20,000 buffers alive a
 * quarter of the step each it took 1.4 s, past a 1 s limit, where first fit
 * took 0.04 s and placed them lower.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * assert.equal(greedyStart(problem, Infinity).arena, 12);
 * ```
 */
export function greedyStart(
  problem: PlacementProblem,
  deadline: number,
): PlaceResult & { placer: "greedy-size" | "first-fit" } {
  const size = (r: PlaceResult) => ({ ...r, placer: "greedy-size" as const });
  if (problem.buffers.length <= GREEDY_SIZE_MAX_BUFFERS) return size(placeGreedySize(problem));
  const first = { ...placeFirstFit(problem), placer: "first-fit" as const };
  try {
    const r = placeGreedySize(problem, { deadline });
    return r.arena < first.arena ? size(r) : first;
  } catch (e) {
    if (!(e instanceof PlacementDeadline)) throw e;
    return first;
  }
}
