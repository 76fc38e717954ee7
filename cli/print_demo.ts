/**
 * The text of `memplan demo`: a verified plan against program order under
 * two online allocator models.
 *
 * @module
 */
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import type { PlanVerified } from "../pipeline/plan_verified.ts";
import type { Report } from "../simulator/simulate.ts";
import { formatBytes, formatMiB, formatPercent, renderTable } from "./format.ts";

/**
 * The demo's lines: what was planned, the comparison table, the bound.
 *
 * @example
 * ```ts
 * import { loadGraph } from "../graph/load.ts";
 * import { planVerified } from "../pipeline/plan_verified.ts";
 * import { simulate } from "../simulator/simulate.ts";
 * const file = "testdata/graphs/tiny.json";
 * const g = await loadGraph(file);
 * const r = await planVerified(g, { scheduler: "greedy", placer: "greedy-size" });
 * const pytorch = simulate(g, { allocator: "pytorch" }), bestFit = simulate(g, { allocator: "best-fit" });
 * console.log(formatDemo(g, file, r, { pytorch, bestFit }));
 * ```
 */
export function formatDemo(
  g: IndexedGraph,
  file: string,
  r: PlanVerified,
  baselines: { pytorch: Report; bestFit: Report },
): string {
  const { pytorch, bestFit } = baselines;
  const name = r.plan.planner?.name;
  const row = (label: string, x: Report) => [
    label,
    formatMiB(x.peakLive),
    formatMiB(x.arena),
    formatPercent(x.fragmentation),
    formatMiB(pytorch.arena - x.arena),
    formatPercent((pytorch.arena - x.arena) / pytorch.arena),
  ];
  const table = renderTable(
    ["plan", "peak live", "arena", "fragmentation", "saving vs PyTorch model", "saving %"],
    [
      row("program order, PyTorch caching allocator model", pytorch),
      row("program order, best-fit allocator", bestFit),
      row(`planned order + planned offsets (${name})`, r.report),
    ],
  );
  const verdict = r.orderGap === 0
    ? "the planned order is optimal."
    : `the planned order is at most ${
      formatPercent(r.orderGap / r.report.peakLive)
    } above optimal.`;
  return [
    `${g.name}: ${g.opCount} ops, ${g.tensorCount} tensors (${file})`,
    `planned with ${name} in ${r.seconds.toFixed(2)} s; ` +
    `the replay verified it: no overlap, every op after its inputs and after-edges.`,
    table,
    `lower bound on the peak live of any order: ${
      formatBytes(r.bound.bytes)
    } (${r.bound.kind}); ${verdict}`,
    "PyTorch model: 512-byte rounding, 2 MiB small-pool and 20 MiB large-pool segments, best-fit\n" +
    "blocks with splitting and coalescing, segments never released (simulator/allocators/pytorch.ts).",
  ].join("\n");
}
