/**
 * A small buffer problem for the placer tests, with its peak worked out.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";

/**
 * ```
 * time   0 1 2 3
 * a (4)  ███          [0,2)
 * b (2)    ███        [1,3)
 * c (3)      ███      [2,4)
 * d (1)  ███████      [0,4)
 * ```
 * Live: t0 = a+d = 5; t1 = a+b+d = 7; t2 = b+c+d = 6; t3 = c+d = 4. Peak 7.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { problemPeakLive } from "../../graph/placement_problem.ts";
 * assert.equal(problemPeakLive(fourBuffers()), 7);
 * ```
 */
export function fourBuffers(): PlacementProblem {
  return {
    buffers: [
      { id: "a", lower: 0, upper: 2, size: 4 },
      { id: "b", lower: 1, upper: 3, size: 2 },
      { id: "c", lower: 2, upper: 4, size: 3 },
      { id: "d", lower: 0, upper: 4, size: 1 },
    ],
  };
}
