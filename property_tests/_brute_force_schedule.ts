/**
 * The least peak live over every topological order of a small graph, by
 * enumeration, measured with this folder's own spans: the reference the
 * schedulers' `optimal` claims and bounds are checked against.
 *
 * @module
 */
import type { Graph } from "../graph/types.ts";
import { peakOfSpans, residentSpans } from "./_spans.ts";
import { forEachTopologicalOrder } from "./_topological_order.ts";

/** The optimum, how many orders there were, and one order reaching it. */
export interface ScheduleOptimum {
  peak: number;
  orders: number;
  best: string[];
}

/**
 * Enumerates every topological order (exponential: ≤ 7 ops, at most 5,040 orders).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { Graph } from "../graph/types.ts";
 * const graph: Graph = JSON.parse(await Deno.readTextFile("testdata/graphs/branchy.json"));
 * assert.equal(bruteForceSchedule(graph).peak, 15);
 * ```
 */
export function bruteForceSchedule(graph: Graph): ScheduleOptimum {
  let peak = Infinity, orders = 0, best: string[] = [];
  forEachTopologicalOrder(graph, (order) => {
    orders++;
    const ids = order.map((v) => graph.ops[v].id);
    const p = peakOfSpans(graph, residentSpans(graph, ids), ids.length);
    if (p < peak) {
      peak = p;
      best = ids;
    }
  });
  return { peak: graph.ops.length === 0 ? 0 : peak, orders, best };
}
