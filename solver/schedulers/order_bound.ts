/**
 * The lower bound schedulers quote: graph/bounds, sized to the graph.
 *
 * @module
 */
import { type BoundKind, lowerBounds } from "../../graph/bounds/mod.ts";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import type { Schedule } from "../../graph/types.ts";

/**
 * Above this many ops only the linear-time trivial bound is computed: the cut
 * bound's reachability bitsets cost about V²/32 words of work.
 */
export const CUT_BOUND_MAX_OPS = 50_000;

/**
 * A proved lower bound on the peak live of every order of `g`, and its kind.
 * `orders` (valid schedules) only speed the min-cut search up.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * assert.equal(orderLowerBound(g).bytes, 22);
 * ```
 */
export function orderLowerBound(
  g: IndexedGraph,
  options: { orders?: readonly Schedule[]; timeLimit?: number } = {},
): { bytes: number; kind: BoundKind } {
  const kinds: BoundKind[] = g.opCount <= CUT_BOUND_MAX_OPS
    ? ["trivial", "cut", "mincut"]
    : ["trivial"];
  const lb = lowerBounds(g, { kinds, orders: options.orders, timeLimit: options.timeLimit ?? 5 });
  return { bytes: lb.best, kind: lb.bestKind };
}
