/**
 * Small buffer problems for the search tests, each worked out by hand.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";

/**
 * A strip of 6 bytes × 4 steps cut into six buffers, so capacity 6 = peak
 * live and only a fragmentation-free placement fits. Every greedy placer
 * misses it (greedy-size reaches 7).
 * ```
 * bytes  time 0 1 2 3        buffer  [lower,upper)  size  fits at
 *   5        r4 r4 r4 r5     r0      [0,2)          2     0
 *   4        r2 r2 r3 r5     r1      [2,4)          2     0
 *   3        r2 r2 r3 r5     r2      [0,2)          3     2
 *   2        r2 r2 r3 r5     r3      [2,3)          3     2
 *   1        r0 r0 r1 r1     r4      [0,3)          1     5
 *   0        r0 r0 r1 r1     r5      [3,4)          4     2
 * ```
 * Greedy-size puts the largest, r5, at 0, then r2 and r3 at 0 (they do not
 * meet it); r0 and r1 go on top (3 and 4) and r4 finds no gap below 6.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { placeSearch } from "./search_placer.ts";
 * assert.equal(placeSearch(staircase(), { capacity: 6, timeLimit: Infinity }).arena, 6);
 * ```
 */
export function staircase(): PlacementProblem {
  return {
    buffers: [
      { id: "r0", lower: 0, upper: 2, size: 2 },
      { id: "r1", lower: 2, upper: 4, size: 2 },
      { id: "r2", lower: 0, upper: 2, size: 3 },
      { id: "r3", lower: 2, upper: 3, size: 3 },
      { id: "r4", lower: 0, upper: 3, size: 1 },
      { id: "r5", lower: 3, upper: 4, size: 4 },
    ],
  };
}

/**
 * Alignment 4, and an arena of 6 although no time needs more than 5: the
 * optimum lies above every bound, so only a search can prove it.
 * ```
 * time     1 2 3 4 5 6
 * a (4)        █             [3,4)
 * b (1)    █ █ █ █           [1,5)
 * c (1)          █ █ █       [4,7)
 * d (2)            █ █       [5,7)
 * ```
 * At step 3, a and b need aligned offsets 0 and 4: a at 0, b at 4 (top 5);
 * the other way round a would end at 8. At step 4, c must avoid b's [4,5):
 * c at 0. At steps 5–6, d must avoid c's [0,1): d at 4, top 6.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { minimizeSearch } from "./minimize_search.ts";
 * assert.equal(minimizeSearch(alignedChain(), { timeLimit: Infinity }).arena, 6);
 * ```
 */
export function alignedChain(): PlacementProblem {
  return {
    alignment: 4,
    buffers: [
      { id: "a", lower: 3, upper: 4, size: 4 },
      { id: "b", lower: 1, upper: 5, size: 1 },
      { id: "c", lower: 4, upper: 7, size: 1 },
      { id: "d", lower: 5, upper: 7, size: 2 },
    ],
  };
}
