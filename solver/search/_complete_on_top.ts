/**
 * Turning a partial placement into a full one: the buffers left unplaced go
 * above everything placed, arranged among themselves by greedy-size (by
 * first-fit, O(n log n), when there are more than 4,096 of them: greedy-size
 * can take seconds there, and this runs after the time limit). The result is
 * valid but usually over the capacity: what a timed-out search returns so that
 * every buffer still has an offset.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";
import { placeFirstFit } from "../placers/first_fit.ts";
import { placeGreedySize } from "../placers/greedy_size.ts";

/**
 * Offsets for all buffers: `offsets` where not NaN, the others greedily on top.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const problem = { buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 },
 *   { id: "b", lower: 1, upper: 3, size: 2 },
 * ] };
 * assert.deepEqual(completeOnTop(problem, Float64Array.of(0, NaN)), Float64Array.of(0, 4));
 * ```
 */
export function completeOnTop(problem: PlacementProblem, offsets: Float64Array): Float64Array {
  const align = problem.alignment ?? 1;
  const out = offsets.slice();
  const rest: number[] = [];
  let top = 0;
  problem.buffers.forEach((b, i) => {
    if (b.size === 0) out[i] = 0;
    else if (Number.isNaN(out[i])) rest.push(i);
    else top = Math.max(top, out[i] + b.size);
  });
  if (rest.length === 0) return out;
  const base = Math.ceil(top / align) * align;
  const sub: PlacementProblem = { buffers: rest.map((i) => problem.buffers[i]), alignment: align };
  const greedy = rest.length <= 4096 ? placeGreedySize(sub) : placeFirstFit(sub);
  rest.forEach((i, k) => out[i] = base + greedy.offsets[k]);
  return out;
}
