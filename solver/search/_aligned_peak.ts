/**
 * A lower bound on the arena that counts alignment: at any time, the live
 * buffers sit at aligned offsets one above another, so every one of them but
 * the topmost takes its size rounded up to the alignment.
 *
 * @module
 */
import { problemPeakLive } from "../../graph/placement_problem.ts";
import type { PlacementProblem } from "../../graph/types.ts";

/**
 * The largest, over times, of the live buffers' rounded sizes minus the most
 * rounding any one of them needs (the topmost needs none). Equals peak live
 * when the alignment is 1. One sweep over lifespan ends, O(n log n).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const peak = alignedPeak({ alignment: 4, buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 3 },
 *   { id: "b", lower: 1, upper: 3, size: 3 },
 * ] });
 * assert.equal(peak, 7); // one of them ends at 3, the other starts at 4
 * ```
 */
export function alignedPeak(problem: PlacementProblem): number {
  const align = problem.alignment ?? 1;
  if (align === 1) return problemPeakLive(problem);
  const events: [time: number, footprint: number, rounding: number][] = [];
  for (const b of problem.buffers) {
    if (b.size <= 0) continue;
    const fp = Math.ceil(b.size / align) * align;
    events.push([b.lower, fp, fp - b.size], [b.upper, -fp, fp - b.size]);
  }
  // Frees first at equal times: lifespans are half-open.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const roundings = new Map<number, number>(); // rounding -> live buffers with it
  let total = 0, most = 0, best = 0;
  for (const [, fp, r] of events) {
    total += fp;
    if (fp > 0) {
      roundings.set(r, (roundings.get(r) ?? 0) + 1);
      if (r > most) most = r;
      best = Math.max(best, total - most);
    } else {
      const left = roundings.get(r)! - 1;
      if (left > 0) roundings.set(r, left);
      else {
        roundings.delete(r);
        // Fewer than `align` distinct roundings: rescanning them is cheap.
        if (r === most) most = Math.max(0, ...roundings.keys());
      }
    }
  }
  return best;
}
