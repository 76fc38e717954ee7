/**
 * A graph under a schedule as a fixed-lifetime buffer problem (FORMAT.md §4):
 * buffer `i` is tensor `i`, `lower = first`, `upper = last + 1`.
 *
 * @module
 */
import type { IndexedGraph } from "./indexed_graph.ts";
import { readColumns } from "./problem_columns.ts";
import { problemSteps } from "./problem_steps.ts";
import { withScratch } from "./scratch.ts";
import type { Lifetimes, PlacementProblem } from "./types.ts";

/**
 * Builds the placement problem of one schedule's lifetimes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "./load.ts";
 * import { lifetimes, programOrder } from "./lifetimes.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const problem = placementProblem(g, lifetimes(g, programOrder(g)));
 * assert.deepEqual(problem.buffers[0], { id: "x", lower: 0, upper: 1, size: 4 });
 * ```
 */
export function placementProblem(
  g: IndexedGraph,
  lt: Lifetimes,
  options: { capacity?: number } = {},
): PlacementProblem {
  const buffers = new Array(g.tensorCount);
  for (let t = 0; t < g.tensorCount; t++) {
    buffers[t] = { id: g.tensorIds[t], lower: lt.first[t], upper: lt.last[t] + 1, size: g.size[t] };
  }
  const p: PlacementProblem = { buffers, alignment: g.alignment };
  if (options.capacity !== undefined) p.capacity = options.capacity;
  return p;
}

/**
 * Peak live of a buffer problem: the largest total size over time of buffers
 * whose half-open lifespans contain that time. A lower bound on any placement.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const a = { id: "a", lower: 0, upper: 2, size: 4 }, b = { id: "b", lower: 2, upper: 3, size: 4 };
 * assert.equal(problemPeakLive({ buffers: [a, b] }), 4);
 * ```
 */
export function problemPeakLive(problem: PlacementProblem): number {
  // A problem read into columns cannot change while it has them: its peak is
  // computed once (the placer, the verifier and the summary each ask).
  const columns = readColumns(problem);
  if (columns === undefined) return peakLiveOf(problem);
  let peak = peakOf.get(columns);
  if (peak === undefined) peakOf.set(columns, peak = peakLiveOf(problem));
  return peak;
}

const peakOf = new WeakMap<object, number>();

function peakLiveOf(problem: PlacementProblem): number {
  // Typed arrays and one numeric sort, not [time, delta] pairs: at a million
  // buffers the pairs' sort cost a third of a second per call. A problem
  // read into columns is read from them (its buffers are never built), with
  // its times as steps, made once for every caller (problem_steps.ts).
  const { lower, upper, size } = problemSteps(problem);
  const n = size.length;
  let m = 0, small = true, top = 0;
  for (let i = 0; i < n; i++) {
    if (size[i] <= 0) continue;
    m++;
    const a = lower[i], b = upper[i];
    if (!(Number.isInteger(a) && a >= 0 && Number.isInteger(b) && b >= a)) small = false;
    else if (b > top) top = b;
  }
  // Times are usually step numbers: then an array indexed by time does it.
  if (small && top <= 4 * n + 1024) {
    return withScratch((mem) => {
      const net = mem.float64(top + 1);
      for (let i = 0; i < n; i++) {
        if (size[i] <= 0) continue;
        net[lower[i]] += size[i];
        net[upper[i]] -= size[i];
      }
      let live = 0, peak = 0;
      for (let t = 0; t <= top; t++) {
        live += net[t];
        if (live > peak) peak = live;
      }
      return peak;
    });
  }
  // Times that are not finite numbers (problemSteps leaves them): sorted and searched.
  const times = new Float64Array(2 * m);
  for (let i = 0, k = 0; i < n; i++) {
    if (size[i] <= 0) continue;
    times[k++] = lower[i];
    times[k++] = upper[i];
  }
  times.sort();
  let d = 0;
  for (let i = 0; i < times.length; i++) {
    if (d === 0 || times[i] !== times[d - 1]) times[d++] = times[i];
  }
  const at = (x: number) => {
    let lo = 0, hi = d - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (times[mid] < x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  // Net change at each distinct time: a buffer ending at t and one starting
  // at t never meet (half-open lifespans), so only the net counts.
  const delta = new Float64Array(d);
  for (let i = 0; i < n; i++) {
    if (size[i] <= 0) continue;
    delta[at(lower[i])] += size[i];
    delta[at(upper[i])] -= size[i];
  }
  let live = 0, peak = 0;
  for (let i = 0; i < d; i++) {
    live += delta[i];
    if (live > peak) peak = live;
  }
  return peak;
}

/**
 * Arena of a placement of a buffer problem: the largest `offset + size` over
 * buffers of positive size (0 if none), as FORMAT.md §5 defines it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 1, size: 4 }] };
 * assert.equal(placementArena(problem, Float64Array.of(8)), 12);
 * ```
 */
export function placementArena(problem: PlacementProblem, offsets: ArrayLike<number>): number {
  let top = 0;
  const bs = problem.buffers;
  for (let i = 0; i < bs.length; i++) {
    if (bs[i].size > 0 && offsets[i] + bs[i].size > top) top = offsets[i] + bs[i].size;
  }
  return top;
}
