/**
 * The bound policy: which lower bounds a report quotes for a graph of a given
 * size, and how long they may take. Schedulers (for their `optimal` claims),
 * the pipeline, `memplan stats` and the benchmark all ask here, so one graph
 * gets one bound whoever asks.
 *
 * @module
 */
import type { IndexedGraph } from "../indexed_graph.ts";
import type { Schedule } from "../types.ts";
import { lowerBounds } from "./lower_bounds.ts";
import type { BoundKind } from "./types.ts";

/**
 * Above this many ops only the linear-time trivial bound is computed: the cut
 * bound's reachability bitsets cost about V²/32 words of work.
 */
export const CUT_BOUND_MAX_OPS = 50_000;

/** Default seconds of {@linkcode orderLowerBound}. */
export const ORDER_BOUND_SECONDS = 5;

/** A proved lower bound on the peak live of every order, its kind and its cost. */
export interface OrderBound {
  bytes: number;
  kind: BoundKind;
  seconds: number;
}

/**
 * The bound kinds worth computing for `g`: trivial, cut and min-cut up to
 * {@linkcode CUT_BOUND_MAX_OPS} ops, only trivial above.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../indexed_graph.ts";
 * import { boundKindsFor } from "./order_bound.ts";
 * const g = indexGraph({ format: "memplan.graph/v1", name: "one", tensors: [], ops: [{ id: "a", in: [], out: [] }] });
 * assert.deepEqual(boundKindsFor(g), ["trivial", "cut", "mincut"]);
 * ```
 */
export function boundKindsFor(g: IndexedGraph): BoundKind[] {
  return g.opCount <= CUT_BOUND_MAX_OPS ? ["trivial", "cut", "mincut"] : ["trivial"];
}

/**
 * A proved lower bound on the peak live of every order of `g`, and its kind.
 * `orders` (valid schedules) only speed the min-cut search up; `timeLimit`
 * defaults to {@linkcode ORDER_BOUND_SECONDS}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * import { orderLowerBound } from "./order_bound.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * assert.equal(orderLowerBound(g).bytes, 22);
 * ```
 */
export function orderLowerBound(
  g: IndexedGraph,
  options: { orders?: readonly Schedule[]; timeLimit?: number } = {},
): OrderBound {
  const lb = lowerBounds(g, {
    kinds: boundKindsFor(g),
    orders: options.orders,
    timeLimit: options.timeLimit ?? ORDER_BOUND_SECONDS,
  });
  return { bytes: lb.best, kind: lb.bestKind, seconds: lb.seconds };
}
