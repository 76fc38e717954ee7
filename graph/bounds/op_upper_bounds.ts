/**
 * Per-op upper bounds on the least live bytes at an op's step, from schedules:
 * what lets the min-cut bound skip the ops that cannot raise it.
 *
 * @module
 */
import type { IndexedGraph } from "../indexed_graph.ts";
import { lifetimes, programOrder } from "../lifetimes.ts";
import { liveTimeline } from "../metrics.ts";
import { isValidOrder } from "../order_check.ts";
import type { Schedule } from "../types.ts";
import { type ExtremePrefixesOptions, extremePrefixesPerOp } from "./extreme_prefixes.ts";

/** Options of {@linkcode opUpperBounds}. */
export interface OpUpperBoundsOptions extends ExtremePrefixesOptions {
  /** More valid schedules (e.g. from planners); each may lower the bounds. */
  orders?: readonly Schedule[];
}

/**
 * Per op v, the least live bytes at v's step among: program order, v as early
 * as possible, v as late as possible ({@linkcode extremePrefixesPerOp}), and
 * every order given. Each is a real schedule's live bytes at v's step, so the
 * least live bytes at that step over all schedules is at most this.
 *
 * An order that is not a valid schedule would make this wrong, and with it the
 * pruning of the min-cut bound, so each is checked and a bad one throws.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * // a chain has one schedule
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * assert.deepEqual(opUpperBounds(g), Float64Array.from([14, 18, 22, 7]));
 * ```
 */
export function opUpperBounds(g: IndexedGraph, options: OpUpperBoundsOptions = {}): Float64Array {
  const upper = liveAtEachOp(g, programOrder(g));
  const { early, late } = extremePrefixesPerOp(g, options);
  for (let v = 0; v < g.opCount; v++) upper[v] = Math.min(upper[v], early[v], late[v]);
  for (const order of options.orders ?? []) {
    if (!isValidOrder(g, order)) throw new RangeError("an order given is not a valid schedule");
    const live = liveAtEachOp(g, order);
    for (let v = 0; v < g.opCount; v++) upper[v] = Math.min(upper[v], live[v]);
  }
  return upper;
}

/** Live bytes at each op's step under `order`, indexed by op. */
function liveAtEachOp(g: IndexedGraph, order: Schedule): Float64Array {
  const live = liveTimeline(g, lifetimes(g, order), g.opCount);
  const byOp = new Float64Array(g.opCount);
  for (let s = 0; s < order.length; s++) byOp[order[s]] = live[s];
  return byOp;
}
