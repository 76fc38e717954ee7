/**
 * The text form of a graph's stats.
 *
 * @module
 */
import { KINDS } from "../graph/types.ts";
import type { GraphStats } from "../pipeline/graph_stats.ts";
import { formatBytes, formatInt, formatPercent } from "./format.ts";
import { renderPairs, renderTable } from "./tables.ts";

/**
 * The stats of a graph as two tables: totals, then by kind.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * import { graphStats } from "../pipeline/graph_stats.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const text = formatStats(graphStats(g));
 * assert.match(text, /tiny/);
 * console.log(text);
 * ```
 */
export function formatStats(s: GraphStats): string {
  const head = renderPairs([
    ["graph", s.graph],
    ["ops", formatInt(s.ops)],
    ["tensors", formatInt(s.tensors)],
    ["alignment", formatInt(s.alignment)],
    ["total bytes", formatBytes(s.totalBytes)],
    ["program-order peak", formatBytes(s.programOrderPeak)],
    ["peak step", `${s.peakStep} (op ${JSON.stringify(s.peakOp)})`],
    ["lower bound, any order", `${formatBytes(s.lowerBound)} (${s.lowerBoundKind})`],
    [
      "program order vs bound",
      s.programOrderGap === 0
        ? "optimal"
        : `reordering can save at most ${formatPercent(s.programOrderGap)}`,
    ],
  ]);
  const kinds = renderTable(
    ["kind", "tensors", "bytes", "live at peak", "share of peak"],
    KINDS.filter((k) => s.tensorsByKind[k] > 0).map((k) => [
      k,
      formatInt(s.tensorsByKind[k]),
      formatBytes(s.bytesByKind[k]),
      formatBytes(s.peakLiveByKind[k]),
      formatPercent(s.programOrderPeak ? s.peakLiveByKind[k] / s.programOrderPeak : 0),
    ]),
  );
  return `${head}\n${kinds}`;
}
