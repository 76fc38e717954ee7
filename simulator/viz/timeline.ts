/**
 * The live-bytes timeline: per step, the bytes resident stacked by kind, with
 * the bytes the allocator holds (reserved, or the arena's footprint) above.
 *
 * @module
 */
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import type { Report } from "../simulate.ts";
import { byteAxis, type Plot, stepAxis } from "./_axes.ts";
import { svgLine, svgOpen, svgText } from "./_svg.ts";
import type { Panel } from "./memory_map.ts";
import { liveByKind } from "./live_by_kind.ts";
import { KIND_STACK_ORDER } from "./palette.ts";
import { formatBytesShort, linearScale, px } from "./scale.ts";

/** Space around the plot. */
export const TIMELINE_MARGIN = { left: 72, right: 24, top: 40, bottom: 44 } as const;

/** Options of {@linkcode timeline}. */
export interface TimelineOptions {
  /** Panel size in pixels; defaults 1200 × 230. */
  width?: number;
  height?: number;
  /** Line above the plot; default "live bytes by kind". */
  title?: string;
  /** Top of the byte axis; default the highest of reserved and live, plus headroom. */
  bytesMax?: number;
  /** Share added above the highest value when `bytesMax` is absent; default 0.1. */
  headroom?: number;
  /** Written as `data-side` for the HTML hover script. */
  side?: number;
}

/**
 * One column of the chart: steps `[s0, s1)`, the step shown for it (the one with
 * the most live bytes, so the peak survives), reserved bytes (the column's
 * maximum) and live bytes per kind code at the step shown.
 */
export type TimelineColumn = [number, number, number, number, ...number[]];

/** What the hover script needs to explain a column. */
export interface TimelineHover {
  plot: Plot;
  steps: number;
  columns: TimelineColumn[];
}

/** A timeline panel and its hover data. */
export interface Timeline extends Panel {
  hover: TimelineHover;
}

/**
 * Draws the stacked live-bytes timeline of one replay. With more steps than
 * pixel columns, each column shows its step of most live bytes, so the stack's
 * top is the true peak and the chart stays a few kilobytes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * import { simulate } from "../simulate.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const svg = timeline(g, simulate(g)).svg;
 * assert.match(svg, /^<svg /);
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/live.svg`, svg);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export function timeline(g: IndexedGraph, report: Report, options: TimelineOptions = {}): Timeline {
  const width = options.width ?? 1200, height = options.height ?? 230;
  const steps = report.timeline.live.length;
  const plot: Plot = {
    x: TIMELINE_MARGIN.left,
    y: TIMELINE_MARGIN.top,
    w: width - TIMELINE_MARGIN.left - TIMELINE_MARGIN.right,
    h: height - TIMELINE_MARGIN.top - TIMELINE_MARGIN.bottom,
  };
  const byKind = liveByKind(g, report.lifetimes, steps);
  const columns = buildColumns(report, byKind, Math.max(1, Math.floor(plot.w)));
  const bytesMax = options.bytesMax ?? defaultBytesMax(report, options.headroom ?? 0.1);
  const xs = linearScale(Math.max(1, steps), plot.x, plot.x + plot.w);
  const ys = linearScale(bytesMax, plot.y + plot.h, plot.y);
  const side = options.side !== undefined ? `data-side="${options.side}"` : "";
  const parts = [svgOpen(width, height, "timeline", side)];
  parts.push(svgText(plot.x, 26, options.title ?? "live bytes by kind, per step", 'class="title"'));
  parts.push(lineLegend(plot, report));
  parts.push(byteAxis(plot, bytesMax, "bytes"));
  parts.push('<g class="bands">', bands(columns, xs, ys), "</g>");
  if (columns.length > 0) {
    parts.push(
      `<path class="reserved" d="${stepPath(columns, xs, ys, (c) => c[3])}"/>`,
    );
    const x = xs(report.peakStep + 0.5);
    parts.push(
      svgLine(x, plot.y, x, plot.y + plot.h, `class="peak" data-step="${report.peakStep}"`),
      peakLabel(plot, x, report),
    );
  }
  parts.push(
    `<rect class="frame" x="${px(plot.x)}" y="${px(plot.y)}" width="${px(plot.w)}" height="${
      px(plot.h)
    }"/>`,
  );
  parts.push(stepAxis(plot, steps, "step"));
  parts.push("</svg>");
  return { svg: parts.join(""), width, height, hover: { plot, steps, columns } };
}

/**
 * {@linkcode timeline}, the SVG text only.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * import { simulate } from "../simulate.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * assert.match(timelineSvg(g, simulate(g)), /^<svg /);
 * ```
 */
export function timelineSvg(
  g: IndexedGraph,
  report: Report,
  options: TimelineOptions = {},
): string {
  return timeline(g, report, options).svg;
}

/**
 * The default top of the byte axis: the most reserved or live bytes at any
 * step, plus headroom.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * import { simulate } from "../simulate.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const report = simulate(g); // best-fit: 22 bytes live and reserved at the peak
 * assert.equal(defaultBytesMax(report, 0.1), 22 * 1.1);
 * ```
 */
export function defaultBytesMax(report: Report, headroom: number): number {
  let top = report.peakLive;
  for (const v of report.timeline.reserved) if (v > top) top = v;
  return top * (1 + headroom);
}

function buildColumns(
  report: Report,
  byKind: Float64Array[],
  maxColumns: number,
): TimelineColumn[] {
  const { live, reserved } = report.timeline;
  const steps = live.length;
  const n = Math.min(steps, maxColumns);
  const out: TimelineColumn[] = [];
  for (let j = 0; j < n; j++) {
    const s0 = Math.floor(j * steps / n), s1 = Math.floor((j + 1) * steps / n);
    let rep = s0, res = 0;
    for (let s = s0; s < s1; s++) {
      if (live[s] > live[rep]) rep = s;
      if (reserved[s] > res) res = reserved[s];
    }
    out.push([s0, s1, rep, res, ...byKind.map((k) => k[rep])]);
  }
  return out;
}

function bands(
  columns: TimelineColumn[],
  xs: (v: number) => number,
  ys: (v: number) => number,
): string {
  if (columns.length === 0) return "";
  const base = new Float64Array(columns.length);
  const parts: string[] = [];
  for (const k of KIND_STACK_ORDER) {
    if (!columns.some((c) => c[4 + k] > 0)) continue;
    const lower = Float64Array.from(base);
    for (let j = 0; j < columns.length; j++) base[j] += columns[j][4 + k];
    const upper = Float64Array.from(base);
    // The band's top edge left to right, then its bottom edge back: one closed shape.
    const top = stepPath(columns, xs, ys, (_, j) => upper[j]);
    const back: string[] = [];
    for (let j = columns.length - 1; j >= 0; j--) {
      back.push(`V${px(ys(lower[j]))}H${px(xs(columns[j][0]))}`);
    }
    parts.push(`<path class="k${k}" d="${top}${back.join("")}Z"/>`);
  }
  return parts.join("");
}

/** A stepped line over the columns: flat across each column, vertical between them. */
function stepPath(
  columns: TimelineColumn[],
  xs: (v: number) => number,
  ys: (v: number) => number,
  value: (c: TimelineColumn, j: number) => number,
): string {
  const parts = [`M${px(xs(columns[0][0]))} ${px(ys(value(columns[0], 0)))}`];
  let prev = value(columns[0], 0);
  for (let j = 0; j < columns.length; j++) {
    const v = value(columns[j], j);
    if (v !== prev) parts.push(`V${px(ys(v))}`);
    parts.push(`H${px(xs(columns[j][1]))}`);
    prev = v;
  }
  // Merge runs of H: only the last of consecutive horizontal moves matters.
  return parts.join("").replace(/(H[\d.]+)+(?=H)/g, "");
}

function lineLegend(plot: Plot, report: Report): string {
  const right = plot.x + plot.w;
  const what = report.allocator === "pytorch" ? "reserved by the allocator" : "arena in use";
  return svgLine(right - 150, 22, right - 130, 22, 'class="reserved"') +
    svgText(right - 125, 26, what);
}

function peakLabel(plot: Plot, x: number, report: Report): string {
  const label = `L = ${formatBytesShort(report.peakLive)}`;
  const onLeft = x > plot.x + plot.w * 0.6;
  return svgText(
    onLeft ? x - 5 : x + 5,
    plot.y + 13,
    label,
    `text-anchor="${onLeft ? "end" : "start"}" class="peaklbl halo"`,
  );
}
