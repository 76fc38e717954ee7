/**
 * The memory map: time (steps) across, address up, one rectangle per tensor
 * from its first to its last step and from its offset to offset + size, as the
 * simulator's replay placed it.
 *
 * @module
 */
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { arenaOf } from "../../graph/metrics.ts";
import { KINDS } from "../../graph/types.ts";
import type { Report } from "../simulate.ts";
import { byteAxis, type Plot, stepAxis } from "./_axes.ts";
import { kindLegend } from "./_legend.ts";
import { svgLine, svgOpen, svgText } from "./_svg.ts";
import { escapeXml } from "./escape.ts";
import { type MapCells, mapCells, type MapCellsOptions } from "./map_cells.ts";
import { formatBytesShort, formatNumber, linearScale, px } from "./scale.ts";

/** Space around the plot: title, subtitle and legend above, step axis and caption below. */
export const MAP_MARGIN = { left: 72, right: 24, top: 50, bottom: 58 } as const;

/** Options of {@linkcode memoryMap}. */
export interface MemoryMapOptions extends MapCellsOptions {
  /** Panel size in pixels; defaults 1200 × 520. */
  width?: number;
  height?: number;
  /** First line above the plot (e.g. the plan and allocator). */
  title?: string;
  /** Second line (e.g. peak live, arena, fragmentation). */
  subtitle?: string;
  /** Top of the address axis; default the highest of arena, tops and peak live, plus headroom. */
  addressMax?: number;
  /** Share added above the highest value when `addressMax` is absent; default 0.1. */
  headroom?: number;
  /** Give each rectangle an SVG `<title>` (a native tooltip); default true. */
  titles?: boolean;
  /** Written as `data-side`, so the HTML hover script finds this panel's data. */
  side?: number;
}

/** An SVG panel and its size. */
export interface Panel {
  svg: string;
  width: number;
  height: number;
}

/** One drawn tensor: index, id, producing op (null: none), kind code, size, first, last, offset. */
export type TensorRow = [number, string, string | null, number, number, number, number, number];

/** One aggregate cell run: kind code, tensors merged, their bytes, steps, address range. */
export type CellRow = [number, number, number, number, number, number, number];

/** What the hover script needs: rows in the order of the rectangles they describe. */
export interface MapHover {
  plot: Plot;
  steps: number;
  addressMax: number;
  tensors: TensorRow[];
  cells: CellRow[];
}

/** A memory map panel, with its hover data and how its tensors were split. */
export interface MemoryMap extends Panel {
  hover: MapHover;
  split: MapCells;
}

/**
 * Draws the memory map of one replay: a rectangle per tensor coloured by kind
 * (tiny ones merged, see {@linkcode mapCells}), the arena and peak-live levels
 * as horizontal lines, the peak step as a vertical line, a legend and axes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * import { simulate } from "../simulate.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const map = memoryMap(g, simulate(g), { title: "program order · best-fit" });
 * assert.equal(map.split.drawn.length, 6);
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/map.svg`, map.svg);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export function memoryMap(
  g: IndexedGraph,
  report: Report,
  options: MemoryMapOptions = {},
): MemoryMap {
  const width = options.width ?? 1200, height = options.height ?? 520;
  const steps = report.timeline.live.length;
  const lt = report.lifetimes, offsets = report.offsets;
  const present = new Set<number>();
  for (let t = 0; t < g.tensorCount; t++) if (g.size[t] > 0) present.add(g.kind[t]);
  const left = MAP_MARGIN.left, plotW = width - left - MAP_MARGIN.right;
  const legend = kindLegend(present, left, MAP_MARGIN.top + 8, plotW);
  const top = MAP_MARGIN.top + 16 * legend.rows + 10;
  const plot: Plot = { x: left, y: top, w: plotW, h: height - top - MAP_MARGIN.bottom };
  const addressMax = options.addressMax ?? defaultAddressMax(g, report, options.headroom ?? 0.1);
  const xs = linearScale(Math.max(1, steps), plot.x, plot.x + plot.w);
  const ys = linearScale(addressMax, plot.y + plot.h, plot.y);
  const split = report.replayed
    ? mapCells(
      g,
      lt,
      offsets,
      { steps, addressMax, plotWidth: plot.w, plotHeight: plot.h },
      options,
    )
    : { drawn: new Int32Array(0), aggregated: 0, cells: [], zeroSize: 0, unplaced: 0 };
  const titles = options.titles ?? true;
  const side = options.side !== undefined ? `data-side="${options.side}"` : "";
  const parts: string[] = [svgOpen(width, height, "memory-map", side)];
  parts.push(header(options, report, width));
  parts.push(legend.svg);
  parts.push(byteAxis(plot, addressMax, "address"));
  const tensors: TensorRow[] = [];
  parts.push('<g class="tensors">');
  for (const t of split.drawn) {
    const x0 = xs(lt.first[t]), x1 = xs(lt.last[t] + 1);
    const y0 = ys(offsets[t] + g.size[t]), y1 = ys(offsets[t]);
    // A white edge tells neighbours apart, but on a small rectangle it would wash the
    // colour out: only rectangles of 6 pixels and more both ways get one.
    const cls = x1 - x0 >= 6 && y1 - y0 >= 6 ? `k${g.kind[t]} e` : `k${g.kind[t]}`;
    const rect = `<rect class="${cls}" x="${px1(x0)}" y="${px1(y0)}" width="${
      px1(Math.max(x1 - x0, 0.5))
    }" height="${px1(Math.max(y1 - y0, 0.5))}"`;
    parts.push(
      titles
        ? `${rect}><title>${escapeXml(tensorTitle(g, report, t))}</title></rect>`
        : `${rect}/>`,
    );
    const p = g.producer[t];
    tensors.push([
      t,
      g.tensorIds[t],
      p >= 0 ? g.opIds[p] : null,
      g.kind[t],
      g.size[t],
      lt.first[t],
      lt.last[t],
      offsets[t],
    ]);
  }
  parts.push('</g><g class="cells">');
  const cells: CellRow[] = [];
  const pxStep = plot.w / Math.max(1, steps), pxByte = addressMax > 0 ? plot.h / addressMax : 1;
  for (const c of split.cells) {
    const rect = `<rect class="k${c.kind}" x="${px(plot.x + c.x0)}" y="${
      px(plot.y + plot.h - c.y1)
    }" width="${px(c.x1 - c.x0)}" height="${px(c.y1 - c.y0)}"`;
    const label = c.count > 0
      ? `${formatNumber(c.count)} small ${KINDS[c.kind]} tensors merged (counted where centred)`
      : `part of merged small ${KINDS[c.kind]} tensors`;
    parts.push(titles ? `${rect}><title>${label}</title></rect>` : `${rect}/>`);
    const s0 = Math.floor(c.x0 / pxStep);
    cells.push([
      c.kind,
      c.count,
      c.bytes,
      s0,
      Math.max(s0, Math.ceil(c.x1 / pxStep) - 1),
      Math.round(c.y0 / pxByte),
      Math.round(c.y1 / pxByte),
    ]);
  }
  parts.push("</g>");
  parts.push(
    `<rect class="frame" x="${px(plot.x)}" y="${px(plot.y)}" width="${px(plot.w)}" height="${
      px(plot.h)
    }"/>`,
  );
  if (report.replayed) parts.push(levels(plot, ys, report), peakMarker(plot, xs, report));
  parts.push(stepAxis(plot, steps, "step (position in the order)"));
  parts.push(svgText(plot.x, height - 6, caption(report, split), 'class="muted caption"'));
  parts.push("</svg>");
  return {
    svg: parts.join(""),
    width,
    height,
    hover: { plot, steps, addressMax, tensors, cells },
    split,
  };
}

/**
 * {@linkcode memoryMap}, the SVG text only.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * import { simulate } from "../simulate.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * assert.match(memoryMapSvg(g, simulate(g)), /^<svg /);
 * ```
 */
export function memoryMapSvg(
  g: IndexedGraph,
  report: Report,
  options: MemoryMapOptions = {},
): string {
  return memoryMap(g, report, options).svg;
}

/**
 * The default top of the address axis: the arena, the highest `offset + size`
 * and peak live (which an invalid plan may exceed in the others), plus headroom
 * for the labels.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * import { simulate } from "../simulate.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const report = simulate(g); // valid, arena 22
 * assert.equal(defaultAddressMax(g, report, 0.1), 22 * 1.1);
 * ```
 */
export function defaultAddressMax(g: IndexedGraph, report: Report, headroom: number): number {
  const top = Math.max(report.arena, report.peakLive, arenaOf(report.offsets, g.size));
  return top * (1 + headroom);
}

/** Tenths of a pixel are plenty for thousands of rectangles and save a fifth of the file. */
function px1(v: number): string {
  const r = Math.round(v * 10) / 10;
  return String(Object.is(r, -0) ? 0 : r);
}

function header(options: MemoryMapOptions, report: Report, width: number): string {
  const parts: string[] = [];
  if (options.title) parts.push(svgText(MAP_MARGIN.left, 18, options.title, 'class="title"'));
  if (options.subtitle) parts.push(svgText(MAP_MARGIN.left, 36, options.subtitle, 'class="sub"'));
  if (!report.ok) {
    const what = report.replayed
      ? `INVALID: ${formatNumber(report.violationCount)} violation(s)`
      : "INVALID: the order is not a permutation of the ops; nothing replayed";
    parts.push(
      svgText(width - MAP_MARGIN.right, 18, what, 'text-anchor="end" class="bad"'),
    );
  }
  return parts.join("");
}

function levels(plot: Plot, ys: (v: number) => number, r: Report): string {
  const right = plot.x + plot.w, left = plot.x + 4;
  const ya = ys(r.arena), yl = ys(r.peakLive);
  // Labels sit at the left, where a training step has least memory live (weights
  // only); the arena's above its line and peak live's below its own: H ≥ L for
  // any valid plan, so the two never collide however close the lines are.
  return svgLine(plot.x, ya, right, ya, 'class="arena"') +
    svgText(left, ya - 4, `arena H = ${formatBytesShort(r.arena)}`, 'class="halo"') +
    svgLine(plot.x, yl, right, yl, 'class="level"') + peakLiveLabel(plot, yl, r);
}

function peakLiveLabel(plot: Plot, y: number, r: Report): string {
  const text = `peak live L = ${formatBytesShort(r.peakLive)}`;
  // At the very bottom there is no room below the line: go above it, at the
  // right end, clear of the arena label.
  return y + 12 <= plot.y + plot.h - 2
    ? svgText(plot.x + 4, y + 12, text, 'class="halo"')
    : svgText(plot.x + plot.w - 4, y - 4, text, 'text-anchor="end" class="halo"');
}

function peakMarker(plot: Plot, xs: (v: number) => number, r: Report): string {
  const x = xs(r.peakStep + 0.5);
  const label = `peak at step ${formatNumber(r.peakStep)} (op ${r.peakOp})`;
  const onLeft = x > plot.x + plot.w * 0.6;
  return svgLine(x, plot.y, x, plot.y + plot.h, `class="peak" data-step="${r.peakStep}"`) +
    svgText(
      onLeft ? x - 5 : x + 5,
      plot.y + 13,
      label,
      `text-anchor="${onLeft ? "end" : "start"}" class="peaklbl halo"`,
    );
}

function caption(r: Report, split: MapCells): string {
  if (!r.replayed) return "nothing drawn";
  let text = `${formatNumber(split.drawn.length)} tensors drawn, ${
    formatNumber(split.aggregated)
  } aggregated`;
  if (split.aggregated > 0) {
    text += ` (into ${formatNumber(split.cells.length)} cells by kind, step and address)`;
  }
  if (split.zeroSize > 0) text += `; ${formatNumber(split.zeroSize)} of size 0 not drawn`;
  if (split.unplaced > 0) text += `; ${formatNumber(split.unplaced)} without an offset`;
  return text;
}

function tensorTitle(g: IndexedGraph, r: Report, t: number): string {
  // Short on purpose: up to 20,000 of these make up most of a large SVG; the
  // HTML page's tooltips give the full details.
  const p = g.producer[t];
  return `${g.tensorIds[t]} · ${KINDS[g.kind[t]]} · ${formatBytesShort(g.size[t])} · steps ${
    r.lifetimes.first[t]
  }–${r.lifetimes.last[t]}${p >= 0 ? ` · op ${g.opIds[p]}` : ""}`;
}
