/**
 * What a graph holds and its program-order peak, against the lower bound of
 * any order: the figures `memplan stats` prints.
 *
 * @module
 */
import { orderLowerBound } from "../graph/bounds/order_bound.ts";
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import { lifetimes, programOrder } from "../graph/lifetimes.ts";
import { bytesByKind, liveByKindAt, peakLive } from "../graph/metrics.ts";
import { type Kind, KINDS } from "../graph/types.ts";

/** Seconds the stats give the lower bound. */
export const STATS_BOUND_SECONDS = 10;

/** The figures of {@linkcode graphStats}. */
export interface GraphStats {
  graph: string;
  ops: number;
  tensors: number;
  alignment: number;
  totalBytes: number;
  bytesByKind: Record<Kind, number>;
  tensorsByKind: Record<Kind, number>;
  programOrderPeak: number;
  peakStep: number;
  peakOp: string;
  peakLiveByKind: Record<Kind, number>;
  /** Every order's peak live is at least this (graph/bounds). */
  lowerBound: number;
  lowerBoundKind: string;
  /** How far program order is above the bound: `(peak - bound) / peak`. */
  programOrderGap: number;
}

/**
 * Computes the stats of a graph under its program order (FORMAT.md §2, §5).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * import { graphStats } from "./graph_stats.ts";
 * assert.equal(graphStats(await loadGraph("testdata/graphs/tiny.json")).programOrderPeak, 22);
 * ```
 */
export function graphStats(g: IndexedGraph): GraphStats {
  const order = programOrder(g);
  const lt = lifetimes(g, order);
  const peak = peakLive(g, lt);
  const byKind = bytesByKind(g);
  const lb = orderLowerBound(g, { orders: [order], timeLimit: STATS_BOUND_SECONDS });
  const counts = Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
  for (let t = 0; t < g.tensorCount; t++) counts[KINDS[g.kind[t]]]++;
  return {
    graph: g.name,
    ops: g.opCount,
    tensors: g.tensorCount,
    alignment: g.alignment,
    totalBytes: Object.values(byKind).reduce((a, b) => a + b, 0),
    bytesByKind: byKind,
    tensorsByKind: counts,
    programOrderPeak: peak.bytes,
    peakStep: peak.step,
    peakOp: g.opIds[peak.step] ?? "",
    peakLiveByKind: liveByKindAt(g, lt, peak.step),
    lowerBound: lb.bytes,
    lowerBoundKind: lb.kind,
    programOrderGap: peak.bytes ? (peak.bytes - lb.bytes) / peak.bytes : 0,
  };
}
