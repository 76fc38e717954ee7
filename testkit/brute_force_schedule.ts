/**
 * The one brute-force scheduler of the test kit: every topological order of a
 * small graph, measured with the kit's own spans (FORMAT.md §2 written again,
 * sharing no code with graph/): the reference the schedulers' `optimal`
 * claims and every lower bound are checked against.
 *
 * @module
 */
import type { Graph } from "../graph/types.ts";
import { residentSpans } from "./spans.ts";
import { forEachTopologicalOrder } from "./topological_order.ts";

/** What {@linkcode bruteForceSchedule} finds over every order. */
export interface ScheduleOptimum {
  /** The least peak live over every order: the optimum. */
  peak: number;
  /** How many topological orders there are. */
  orders: number;
  /** One order (op ids) reaching the optimum. */
  best: string[];
  /** Per op (file order), the least live bytes at its step over every order. */
  leastAt: Float64Array;
  /** Per op, the bytes of the tensors resident at its step in every order. */
  alwaysAt: Float64Array;
}

/**
 * Enumerates every topological order (data and `after` edges); exponential:
 * for graphs of at most about 8 ops (40,320 orders).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bruteForceSchedule } from "./brute_force_schedule.ts";
 * const graph = {
 *   format: "memplan.graph/v1" as const, name: "one",
 *   tensors: [{ id: "x", size: 4, kind: "input" as const }, { id: "y", size: 8, kind: "output" as const }],
 *   ops: [{ id: "f", in: ["x"], out: ["y"] }],
 * };
 * assert.equal(bruteForceSchedule(graph).peak, 12);
 * ```
 */
export function bruteForceSchedule(graph: Graph): ScheduleOptimum {
  const V = graph.ops.length, T = graph.tensors.length;
  let peak = Infinity, orders = 0, best: string[] = [];
  const leastAt = new Float64Array(V).fill(Infinity);
  const always = new Uint8Array(V * T).fill(1);
  forEachTopologicalOrder(graph, (order) => {
    orders++;
    const ids = order.map((v) => graph.ops[v].id);
    const spans = residentSpans(graph, ids);
    let orderPeak = 0;
    order.forEach((v, s) => {
      let live = 0;
      graph.tensors.forEach((t, i) => {
        if (spans[i][0] <= s && s <= spans[i][1]) live += t.size;
        else always[v * T + i] = 0;
      });
      leastAt[v] = Math.min(leastAt[v], live);
      orderPeak = Math.max(orderPeak, live);
    });
    if (orderPeak < peak) {
      peak = orderPeak;
      best = ids;
    }
  });
  const alwaysAt = new Float64Array(V);
  for (let v = 0; v < V; v++) {
    graph.tensors.forEach((t, i) => {
      if (always[v * T + i]) alwaysAt[v] += t.size;
    });
  }
  return { peak: V === 0 ? 0 : peak, orders, best, leastAt, alwaysAt };
}
