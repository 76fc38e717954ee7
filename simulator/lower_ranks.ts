/**
 * Time compressed to the distinct lower ends of half-open lifespans: two
 * lifespans `[lower, upper)` intersect exactly when they share the later of
 * their two lower ends, so the steps of an overlap check need only be those.
 *
 * @module
 */
import { fresh, nestedScratch, type Scratch } from "../graph/scratch.ts";

/** Each lifespan as the compressed steps it covers, and the time of each step. */
export interface LowerRanks {
  /** The distinct lower ends, ascending: step `s` is time `lowers[s]`. */
  lowers: Float64Array;
  /** First step of each lifespan: the number of distinct lower ends below its lower. */
  first: Int32Array;
  /** Last step: the number of distinct lower ends below its upper, minus 1. */
  last: Int32Array;
}

/**
 * Compresses the lifespans `[lower[i], upper[i])`. Times that are small
 * non-negative integers (step numbers: at most 4n + 1024) are counted in an
 * array indexed by time; any others are sorted and searched. (The verifier
 * hands it a problem's steps, graph/problem_steps.ts, so its times are step
 * numbers unless some time is not a finite number.) Counted arrays come from
 * `mem` when given (graph/scratch.ts).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const r = lowerRanks(Float64Array.from([0, 5, 5]), Float64Array.from([5, 9, 6]));
 * assert.deepEqual(r.lowers, Float64Array.from([0, 5]));
 * assert.deepEqual([...r.first, ...r.last], [0, 1, 1, 0, 1, 1]);
 * ```
 */
export function lowerRanks(
  lower: Float64Array,
  upper: Float64Array,
  mem: Scratch = fresh,
): LowerRanks {
  const n = lower.length;
  let top = 0;
  for (let i = 0; i < n; i++) {
    const a = lower[i], b = upper[i];
    if (!(Number.isInteger(a) && a >= 0 && Number.isInteger(b) && b >= 0)) {
      return bySearch(lower, upper);
    }
    if (a > top) top = a;
    if (b > top) top = b;
  }
  if (top > 4 * n + 1024) return bySearch(lower, upper);
  const first = mem.int32(n, false), last = mem.int32(n, false);
  const count = (mem: Scratch) => {
    // below[x]: distinct lower ends under x, for every time x up to top.
    const below = mem.int32(top + 2);
    for (let i = 0; i < n; i++) below[lower[i] + 1] = 1;
    for (let x = 1; x < below.length; x++) below[x] += below[x - 1];
    for (let i = 0; i < n; i++) {
      first[i] = below[lower[i]];
      last[i] = below[upper[i]] - 1;
    }
    return below[top + 1];
  };
  // The counts only while counting (given back before `lowers` is taken).
  // Every step is some lifespan's first: each written below.
  const lowers = mem.float64(nestedScratch(mem, count), false);
  for (let i = 0; i < n; i++) lowers[first[i]] = lower[i];
  return { lowers, first, last };
}

function bySearch(lower: Float64Array, upper: Float64Array): LowerRanks {
  const lowers = Float64Array.from(new Set(lower)).sort();
  const countBelow = (x: number): number => {
    let lo = 0, hi = lowers.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (lowers[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const first = Int32Array.from(lower, countBelow);
  const last = Int32Array.from(upper, (u) => countBelow(u) - 1);
  return { lowers, first, last };
}
