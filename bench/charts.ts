/**
 * The three benchmark charts as Vega-Lite specs (rendered by render_svg.ts):
 * arena per model and planner, solve time against graph size, fragmentation
 * per allocator or placer. Every bar or point is one result row.
 *
 * @module
 */
import type { TopLevelSpec } from "npm:vega-lite@6.5.0";
import type { BenchRow } from "./record.ts";

const FONT = { font: "Helvetica, Arial, sans-serif" };
/** Bars above this percentage are clipped, so one outlier does not flatten the rest. */
export const PEAK_CLIP_PERCENT = 200;
const X_LABELS = { labelAngle: -30, labelLimit: 220 };
const LEGEND = { orient: "bottom" as const, columns: 3, labelLimit: 260, title: null };

/** Rows of real models and user graphs (not the random scaling graphs) that have an arena. */
function modelRows(rows: readonly BenchRow[]): BenchRow[] {
  return rows.filter((r) => r.kind === "graph" && r.suite !== "random" && r.arena !== undefined);
}

/** Names in first-seen order, so colours and bar positions follow the run order. */
function order(values: readonly string[]): string[] {
  return [...new Set(values)];
}

/**
 * Grouped bars: one group per model, one bar per planner (baselines included),
 * height = arena as a percentage of the model's program-order peak, so models
 * of very different sizes share one axis; the dashed line is program order.
 * The axis stops at {@linkcode PEAK_CLIP_PERCENT} (taller bars are clipped and
 * the title says so).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tinyRows } from "./_tiny_rows_test_util.ts";
 * import { renderSvg } from "./render_svg.ts";
 * const svg = await renderSvg(peakChart(await tinyRows()));
 * assert.match(svg, /^<svg/);
 * ```
 */
export function peakChart(rows: readonly BenchRow[]): TopLevelSpec {
  const data = modelRows(rows).map((r) => ({
    model: r.name,
    planner: r.planner,
    percent: r.programOrderPeak ? (100 * r.arena!) / r.programOrderPeak : 0,
    arena: r.arena,
  }));
  const planners = order(data.map((d) => d.planner));
  const clipped = data.some((d) => d.percent > PEAK_CLIP_PERCENT);
  const yScale = clipped ? { domain: [0, PEAK_CLIP_PERCENT], clamp: true } : {};
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: "Arena per model and planner (100% = program-order peak" +
      (clipped ? `; bars clipped at ${PEAK_CLIP_PERCENT}%)` : ")"),
    config: FONT,
    data: { values: data },
    width: { step: 9, for: "offset" },
    height: 260,
    layer: [
      {
        mark: { type: "bar" },
        encoding: {
          x: { field: "model", type: "nominal", title: null, sort: null, axis: X_LABELS },
          xOffset: { field: "planner", type: "nominal", sort: planners },
          y: {
            field: "percent",
            type: "quantitative",
            title: "arena, % of program-order peak",
            scale: yScale,
          },
          color: { field: "planner", type: "nominal", sort: planners, legend: LEGEND },
        },
      },
      {
        mark: { type: "rule", strokeDash: [4, 3], color: "#444" },
        encoding: { y: { datum: 100 } },
      },
    ],
  };
}

/**
 * Log-log scatter of planner seconds (schedule + place) against tensors, one
 * point per planned graph run; random graphs of one planner are joined by a
 * line (the scaling curve). Seconds below 0.1 ms are drawn at 0.1 ms.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tinyRows } from "./_tiny_rows_test_util.ts";
 * import { renderSvg } from "./render_svg.ts";
 * const svg = await renderSvg(solveTimeChart(await tinyRows()));
 * assert.match(svg, /^<svg/);
 * ```
 */
export function solveTimeChart(rows: readonly BenchRow[]): TopLevelSpec {
  const data = rows
    .filter((r) => r.kind === "graph" && r.placer !== undefined && r.status !== "error")
    .map((r) => ({
      planner: r.planner,
      suite: r.suite === "random" ? "random graph" : "model",
      tensors: Math.max(r.size, 1),
      seconds: Math.max(r.seconds, 1e-4),
    }));
  const planners = order(data.map((d) => d.planner));
  const x = {
    field: "tensors",
    type: "quantitative" as const,
    scale: { type: "log" as const },
    axis: { values: decades(data.map((d) => d.tensors)), format: "~s" },
  };
  const y = {
    field: "seconds",
    type: "quantitative" as const,
    scale: { type: "log" as const },
    axis: { values: decades(data.map((d) => d.seconds)), format: "~g" },
    title: "planner seconds",
  };
  const color = { field: "planner", type: "nominal" as const, sort: planners, legend: LEGEND };
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: "Solve time against graph size (log-log)",
    config: FONT,
    data: { values: data },
    width: 520,
    height: 320,
    layer: [
      {
        transform: [{ filter: "datum.suite === 'random graph'" }],
        mark: { type: "line", strokeWidth: 1.5 },
        encoding: { x, y, color, detail: { field: "planner" } },
      },
      {
        mark: { type: "point", filled: true, size: 40 },
        encoding: {
          x: { ...x, title: "tensors" },
          y,
          color,
          shape: { field: "suite", type: "nominal", title: null, legend: { orient: "bottom" } },
        },
      },
    ],
  };
}

/**
 * Grouped bars of fragmentation `(H - L) / H`: graphs (baselines by allocator
 * model, plans by placer) and buffer problems (by placer), in two panels with
 * their own axes. Colour = the allocator model or placer that chose offsets.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tinyRows } from "./_tiny_rows_test_util.ts";
 * import { renderSvg } from "./render_svg.ts";
 * const svg = await renderSvg(fragmentationChart(await tinyRows()));
 * assert.match(svg, /^<svg/);
 * ```
 */
export function fragmentationChart(rows: readonly BenchRow[]): TopLevelSpec {
  const toDatum = (r: BenchRow) => ({
    input: r.name,
    planner: r.planner,
    by: r.placer ?? `${r.allocator} allocator`,
    percent: 100 * (r.fragmentation ?? 0),
  });
  const panels = [
    { title: "training graphs", data: modelRows(rows).map(toDatum) },
    {
      title: "buffer problems",
      data: rows.filter((r) => r.kind === "csv" && r.arena !== undefined).map(toDatum),
    },
  ].filter((p) => p.data.length > 0);
  const by = order(panels.flatMap((p) => p.data.map((d) => d.by)));
  const panel = (p: (typeof panels)[number]) => ({
    title: p.title,
    data: { values: p.data },
    width: { step: 9, for: "offset" as const },
    height: 180,
    mark: { type: "bar" as const },
    encoding: {
      x: {
        field: "input",
        type: "nominal" as const,
        title: null,
        sort: null,
        axis: X_LABELS,
      },
      xOffset: {
        field: "planner",
        type: "nominal" as const,
        sort: order(p.data.map((d) => d.planner)),
      },
      y: { field: "percent", type: "quantitative" as const, title: "fragmentation, %" },
      color: {
        field: "by",
        type: "nominal" as const,
        sort: by,
        title: "allocator / placer",
        legend: LEGEND,
      },
    },
  });
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    title: "Fragmentation (H - L) / H per allocator model and placer",
    config: FONT,
    vconcat: panels.length ? panels.map(panel) : [{ mark: "bar", data: { values: [] } }],
    resolve: { scale: { color: "shared" } },
  } as TopLevelSpec;
}

/** Powers of ten spanning `values`: log axes labelled at decades only stay readable. */
function decades(values: readonly number[]): number[] {
  if (values.length === 0) return [1];
  const lo = Math.floor(Math.log10(Math.min(...values)));
  const hi = Math.ceil(Math.log10(Math.max(...values)));
  const out: number[] = [];
  for (let e = lo; e <= hi; e++) out.push(Number(`1e${e}`));
  return out;
}
