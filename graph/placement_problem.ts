/**
 * A graph under a schedule as a fixed-lifetime buffer problem (FORMAT.md §4):
 * buffer `i` is tensor `i`, `lower = first`, `upper = last + 1`.
 *
 * @module
 */
import type { IndexedGraph } from "./indexed_graph.ts";
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
  const events: [number, number][] = [];
  for (const b of problem.buffers) {
    if (b.size <= 0) continue;
    events.push([b.lower, b.size], [b.upper, -b.size]);
  }
  // Frees before allocations at the same time: lifespans are half-open.
  events.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  let live = 0, peak = 0;
  for (const [, d] of events) {
    live += d;
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
