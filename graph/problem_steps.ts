/**
 * A problem's times as step numbers: every distinct time of a lifespan end
 * renumbered 0, 1, 2, … in order. Everything that only compares times (peak
 * live, which buffers meet, first fit's order and sweep, the verifier's
 * overlap check) gives the same answer on the steps as on the times, and on
 * steps it counts in an array indexed by time instead of sorting.
 *
 * Why: a file whose times are not step numbers (times in nanoseconds, or
 * program points numbered sparsely) sent each of those four users to its own
 * radix sort of a million times, eight sorts in one `memplan place` (about
 * 0.8 s of a one-second time limit). The steps are made once per problem read
 * into columns and shared.
 *
 * @module
 */
import { problemColumns, readColumns } from "./problem_columns.ts";
import { sortedOrder } from "./sorted_order.ts";
import { withScratch } from "./scratch.ts";
import type { PlacementProblem } from "./types.ts";

/** A problem's columns with its times as steps. */
export interface ProblemSteps {
  lower: Float64Array;
  upper: Float64Array;
  size: Float64Array;
  /**
   * The time of each step, when the times were renumbered; absent when they
   * already were step numbers (`lower` and `upper` are then the problem's own).
   */
  time?: Float64Array;
}

const stepsOf = new WeakMap<object, ProblemSteps>();

/**
 * The problem's `lower`, `upper` and `size`, with times renumbered as steps
 * unless they already are small non-negative integers (at most 4n + 1024) or
 * some time is not a finite number (then as they are). Made once per problem
 * read into columns; not to be written to.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const s = problemSteps({ buffers: [
 *   { id: "a", lower: 5e9, upper: 7e9, size: 8 },
 *   { id: "b", lower: 6e9, upper: 9e9, size: 4 },
 * ] });
 * assert.deepEqual([...s.lower, ...s.upper], [0, 1, 2, 3]);
 * assert.equal(s.time![2], 7e9);
 * assert.equal(problemSteps({ buffers: [{ id: "a", lower: 3, upper: 4, size: 1 }] }).time, undefined);
 * ```
 */
export function problemSteps(problem: PlacementProblem): ProblemSteps {
  const columns = readColumns(problem);
  if (columns === undefined) return stepsFrom(problemColumns(problem));
  let steps = stepsOf.get(columns);
  if (steps === undefined) stepsOf.set(columns, steps = stepsFrom(columns));
  return steps;
}

function stepsFrom(
  c: { lower: Float64Array; upper: Float64Array; size: Float64Array },
): ProblemSteps {
  const { lower, upper, size } = c;
  const n = size.length;
  let top = 0, finite = true;
  for (let i = 0; i < n; i++) {
    const a = lower[i], b = upper[i];
    if (!(Number.isInteger(a) && a >= 0 && Number.isInteger(b) && b >= 0)) {
      finite &&= Number.isFinite(a) && Number.isFinite(b);
      top = Infinity;
    } else if (a > top || b > top) top = Math.max(a, b);
  }
  if (!finite || top <= 4 * n + 1024) return { lower, upper, size };
  if (n <= SMALL) return stepsBySearch(lower, upper, size);
  // Lowers and uppers each in order, then merged: a file written by start
  // time needs no sort of its lowers.
  // The two orders are scratch memory (graph/scratch.ts): 8 MB at a million.
  const stepLower = new Float64Array(n), stepUpper = new Float64Array(n);
  const time = new Float64Array(2 * n);
  const steps = withScratch((mem) => {
    const byLower = sortedOrder(lower, mem), byUpper = sortedOrder(upper, mem);
    let steps = 0;
    for (let a = 0, b = 0; a < n || b < n;) {
      const fromLower = b === n || (a < n && lower[byLower[a]] <= upper[byUpper[b]]);
      const t = fromLower ? lower[byLower[a]] : upper[byUpper[b]];
      if (steps === 0 || time[steps - 1] !== t) time[steps++] = t;
      if (fromLower) stepLower[byLower[a++]] = steps - 1;
      else stepUpper[byUpper[b++]] = steps - 1;
    }
    return steps;
  });
  // A view, not a copy: at a million buffers a copy is up to 16 MB of fresh memory.
  return { lower: stepLower, upper: stepUpper, size, time: time.subarray(0, steps) };
}

/**
 * Below this many buffers the times are sorted by the engine's numeric sort
 * and each end found by binary search: the radix sort's counts (2,048 per
 * pass) cost more than the values there (40 µs a call at 300 buffers).
 */
const SMALL = 2048;

function stepsBySearch(lower: Float64Array, upper: Float64Array, size: Float64Array): ProblemSteps {
  const n = size.length;
  const times = new Float64Array(2 * n);
  times.set(lower);
  times.set(upper, n);
  times.sort();
  let steps = 0;
  for (let k = 0; k < 2 * n; k++) {
    if (steps === 0 || times[steps - 1] !== times[k]) times[steps++] = times[k];
  }
  const time = times.slice(0, steps);
  const step = (t: number) => {
    let lo = 0, hi = steps - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (time[mid] < t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const stepLower = new Float64Array(n), stepUpper = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    stepLower[i] = step(lower[i]);
    stepUpper[i] = step(upper[i]);
  }
  return { lower: stepLower, upper: stepUpper, size, time };
}
