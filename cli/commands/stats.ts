/**
 * `memplan stats GRAPH`: what a graph holds and its program-order peak.
 *
 * @module
 */
import { Command } from "npm:@commander-js/extra-typings@15.1.0";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { lowerBounds } from "../../graph/bounds/mod.ts";
import { loadGraph } from "../../graph/load.ts";
import { lifetimes, programOrder } from "../../graph/lifetimes.ts";
import { bytesByKind, liveByKindAt, peakLive } from "../../graph/metrics.ts";
import { type Kind, KINDS } from "../../graph/types.ts";
import { formatBytes, formatInt, formatPercent, renderPairs, renderTable } from "../format.ts";
import { EXIT, printJson, runCommand } from "../run.ts";

/** The figures `memplan stats` prints. */
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
 * graphStats(await loadGraph("testdata/graphs/tiny.json")).programOrderPeak; // 22
 * ```
 */
export function graphStats(g: IndexedGraph): GraphStats {
  const lt = lifetimes(g, programOrder(g));
  const peak = peakLive(g, lt);
  const byKind = bytesByKind(g);
  const lb = lowerBounds(g, { orders: [programOrder(g)] });
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
    lowerBound: lb.best,
    lowerBoundKind: lb.bestKind,
    programOrderGap: peak.bytes ? (peak.bytes - lb.best) / peak.bytes : 0,
  };
}

/** The `stats` command. */
export function statsCommand() {
  return new Command("stats")
    .description("Summarise a graph: ops, tensors, bytes by kind, and its program-order peak.")
    .argument("<graph>", "memplan.graph/v1 file (.json or .json.gz)")
    .option("--json", "print JSON instead of tables")
    .action(async (file, opts) => {
      Deno.exitCode = await runCommand(async () => {
        const s = graphStats(await loadGraph(file));
        if (opts.json) printJson(s);
        else console.log(formatStats(s));
        return EXIT.ok;
      });
    });
}

function formatStats(s: GraphStats): string {
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
