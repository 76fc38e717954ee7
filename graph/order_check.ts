/**
 * Whether an order respects data and `after` edges (FORMAT.md §2), in one place.
 *
 * @module
 */
import type { IndexedGraph } from "./indexed_graph.ts";
import { stepsOf } from "./lifetimes.ts";
import type { Schedule } from "./types.ts";

/** One edge an order runs the wrong way round. */
export interface OrderViolation {
  /** The op, and its step. */
  op: number;
  step: number;
  /** The op that had to run first, and the step where it ran. */
  mustFollow: number;
  mustFollowStep: number;
  edge: "data" | "after";
  /** For a data edge: the tensor passed. */
  tensor?: number;
}

/**
 * Calls `report` for every data or `after` edge that `order` (a permutation of
 * the ops) runs backwards; returns how many there were.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "./load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * // f2 before f1: f2 reads a, which f1 makes.
 * const found: OrderViolation[] = [];
 * assert.equal(forEachOrderViolation(g, Int32Array.from([1, 0, 2, 3]), (v) => found.push(v)), 1);
 * assert.equal(found[0].edge, "data");
 * ```
 */
export function forEachOrderViolation(
  g: IndexedGraph,
  order: Schedule,
  report: (v: OrderViolation) => void = () => {},
): number {
  const step = stepsOf(g, order);
  let count = 0;
  for (let s = 0; s < order.length; s++) {
    const v = order[s];
    for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
      const t = g.inList[k], p = g.producer[t];
      if (p >= 0 && step[p] > s) {
        count++;
        report({ op: v, step: s, mustFollow: p, mustFollowStep: step[p], edge: "data", tensor: t });
      }
    }
    for (let k = g.afterStart[v]; k < g.afterStart[v + 1]; k++) {
      const u = g.afterList[k];
      if (step[u] > s) {
        count++;
        report({ op: v, step: s, mustFollow: u, mustFollowStep: step[u], edge: "after" });
      }
    }
  }
  return count;
}

/**
 * True when `order` is a permutation of the ops and respects every edge.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "./load.ts";
 * import { programOrder } from "./lifetimes.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * assert.equal(isValidOrder(g, programOrder(g)), true);
 * assert.equal(isValidOrder(g, Int32Array.from([1, 0, 2, 3])), false);
 * ```
 */
export function isValidOrder(g: IndexedGraph, order: Schedule): boolean {
  if (order.length !== g.opCount) return false;
  const seen = new Uint8Array(g.opCount);
  for (const v of order) {
    if (!(v >= 0 && v < g.opCount) || seen[v]) return false;
    seen[v] = 1;
  }
  return forEachOrderViolation(g, order) === 0;
}
