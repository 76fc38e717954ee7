/**
 * The text of `memplan demo`: a verified plan against program order under
 * two online allocator models.
 *
 * @module
 */
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import type { PlanVerified } from "../pipeline/plan_verified.ts";
import type { Report } from "../simulator/simulate.ts";
import { formatBytes, formatMiB, formatPercent } from "./format.ts";
import { renderTable } from "./tables.ts";

/**
 * The demo's lines: what was planned, the comparison table, the bound.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * import { planVerified } from "../pipeline/plan_verified.ts";
 * import { simulate } from "../simulator/simulate.ts";
 * const file = "testdata/graphs/tiny.json";
 * const g = await loadGraph(file);
 * const r = await planVerified(g, { scheduler: "greedy", placer: "greedy-size" });
 * const pytorch = simulate(g, { allocator: "pytorch" });
 * const bestFit = simulate(g, { allocator: "best-fit" });
 * const text = formatDemo(g, file, r, { pytorch, bestFit });
 * assert.match(text, /tiny/);
 * console.log(text);
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

/**
 * The demo's figures as JSON: one row per plan, the same rows as the table,
 * ratios as fractions.
 *
 * @example
 * ```ts
 * import { loadGraph } from "../graph/load.ts";
 * import { planVerified } from "../pipeline/plan_verified.ts";
 * import { simulate } from "../simulator/simulate.ts";
 * import { demoJson } from "./print_demo.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const r = await planVerified(g, { scheduler: "program", placer: "greedy-size" });
 * const pytorch = simulate(g, { allocator: "pytorch" });
 * const bestFit = simulate(g, { allocator: "best-fit" });
 * demoJson(g, "tiny.json", r, { pytorch, bestFit }, "out/tiny.plan.json");
 * ```
 */
export function demoJson(
  g: IndexedGraph,
  file: string,
  r: PlanVerified,
  baselines: { pytorch: Report; bestFit: Report },
  output: string,
): Record<string, unknown> {
  const { pytorch, bestFit } = baselines;
  const row = (plan: string, x: Report) => ({
    plan,
    peakLive: x.peakLive,
    arena: x.arena,
    fragmentation: x.fragmentation,
    savingVsPytorchModel: pytorch.arena - x.arena,
    savingFraction: (pytorch.arena - x.arena) / pytorch.arena,
  });
  return {
    graph: g.name,
    input: file,
    output,
    planner: r.plan.planner?.name,
    seconds: r.seconds,
    rows: [
      row("program order, PyTorch caching allocator model", pytorch),
      row("program order, best-fit allocator", bestFit),
      row("planned order + planned offsets", r.report),
    ],
    lowerBound: r.bound.bytes,
    lowerBoundKind: r.bound.kind,
    orderGapFraction: r.report.peakLive ? r.orderGap / r.report.peakLive : 0,
  };
}
