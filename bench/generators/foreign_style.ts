/**
 * A problem as another tool might write it: the same buffers, but ids that
 * are not one prefix and a number (`%t3_81.grad`) and times that are not
 * step numbers (nanoseconds: each step stretched to a thousand, plus a
 * jitter below that). Readers, placers and verifiers take quicker paths for
 * `b0, b1, …` and step numbers; a benchmark that only writes those never
 * times the paths a user's own file takes.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";

/**
 * The problem with ids renamed and times stretched, keeping the order and
 * the equality of every two times (so the same placements are valid).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const p = foreignStyle({ buffers: [{ id: "b0", lower: 0, upper: 2, size: 4 }, { id: "b1", lower: 2, upper: 3, size: 4 }] });
 * assert.deepEqual(p.buffers.map((b) => b.id), ["%t0_0.grad", "%t1_7919.grad"]);
 * assert.ok(p.buffers[0].upper === p.buffers[1].lower && p.buffers[0].upper > 1000);
 * ```
 */
export function foreignStyle(problem: PlacementProblem): PlacementProblem {
  const time = (t: number) => t * 1000 + jitter(t);
  return {
    ...problem,
    buffers: problem.buffers.map((b, i) => ({
      ...b,
      // 7919 is prime to 1,000,003: the second number is distinct for every i below it.
      id: `%t${i % 97}_${(i * 7919) % 1_000_003}.grad`,
      lower: time(b.lower),
      upper: time(b.upper),
    })),
  };
}

/** A jitter below 1000 that depends on the time only, so that equal times stay equal. */
function jitter(t: number): number {
  let h = Math.imul(t ^ 0x9e3779b9, 0x85ebca6b);
  h ^= h >>> 13;
  return ((h >>> 0) % 997) + 1;
}
