/**
 * The arena of a placement, recomputed by the test kit from the problem and
 * the offsets alone: what every test compares a placer's claimed arena with.
 *
 * @module
 */
import type { PlacementProblem } from "../graph/types.ts";

/**
 * The arena of a placement, recomputed: the largest `offset + size` of a positive-size buffer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { arenaOf } from "./arena.ts";
 * assert.equal(arenaOf({ buffers: [{ id: "a", lower: 0, upper: 1, size: 4 }] }, [8]), 12);
 * ```
 */
export function arenaOf(problem: PlacementProblem, offsets: ArrayLike<number>): number {
  let h = 0;
  problem.buffers.forEach((b, i) => {
    if (b.size > 0) h = Math.max(h, offsets[i] + b.size);
  });
  return h;
}
