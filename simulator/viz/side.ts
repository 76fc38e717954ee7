/**
 * One side of a picture: the memory map and the timeline of one replay, under
 * a title naming the plan, the allocator and what they cost.
 *
 * @module
 */
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import type { Report } from "../simulate.ts";
import { defaultAddressMax, type MapHover, memoryMap, type Panel } from "./memory_map.ts";
import type { MapCellsOptions } from "./map_cells.ts";
import { formatBytesShort } from "./scale.ts";
import { defaultBytesMax, timeline, type TimelineHover } from "./timeline.ts";

/** Options of {@linkcode vizSide}. */
export interface VizSideOptions extends MapCellsOptions {
  /** What was replayed, e.g. "program order" or "plan.json (greedy)". */
  label: string;
  /** Panel width; default 1200. */
  width?: number;
  /** Heights of the memory map and the timeline; defaults 520 and 230. */
  mapHeight?: number;
  timelineHeight?: number;
  /** Axis tops, to share one scale between compared sides (see {@linkcode sharedScale}). */
  addressMax?: number;
  bytesMax?: number;
  /** Native SVG tooltips on rectangles (standalone SVG); default true. */
  titles?: boolean;
  /** Index of the side, for the HTML hover script. */
  side?: number;
}

/** A titled column of panels and the data the hover script needs for them. */
export interface VizSide {
  /** The allocator of the replay (its report's `allocator`). */
  allocator: string;
  title: string;
  subtitle: string;
  panels: Panel[];
  hover: { map: MapHover; timeline: TimelineHover };
}

/**
 * Builds both panels of one replay.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * import { simulate } from "../simulate.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const side = vizSide(g, simulate(g, { allocator: "pytorch" }), { label: "program order" });
 * assert.equal(side.panels.length, 2);
 * ```
 */
export function vizSide(g: IndexedGraph, report: Report, options: VizSideOptions): VizSide {
  const { title, subtitle } = sideTitle(report, options.label);
  const width = options.width ?? 1200;
  const map = memoryMap(g, report, {
    ...options,
    width,
    height: options.mapHeight,
    title,
    subtitle,
  });
  const live = timeline(g, report, {
    width,
    height: options.timelineHeight,
    bytesMax: options.bytesMax,
    side: options.side,
  });
  return {
    allocator: report.allocator,
    title,
    subtitle,
    panels: [map, live],
    hover: { map: map.hover, timeline: live.hover },
  };
}

/**
 * The title of a side (what was replayed, under which allocator) and its
 * figures: peak live, arena and fragmentation (FORMAT.md §5).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * import { simulate } from "../simulate.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const report = simulate(g, { allocator: "pytorch" });
 * assert.equal(sideTitle(report, "program order").title, "program order · pytorch allocator");
 * ```
 */
export function sideTitle(report: Report, label: string): { title: string; subtitle: string } {
  const arena = report.allocator === "pytorch" ? "arena H (peak reserved)" : "arena H";
  return {
    title: `${label} · ${report.allocator} allocator`,
    subtitle: `peak live L ${formatBytesShort(report.peakLive)} · ${arena} ${
      formatBytesShort(report.arena)
    } · fragmentation ${(report.fragmentation * 100).toFixed(1)}%`,
  };
}

/**
 * Axis tops that fit every report, so compared sides share one scale and equal
 * heights mean equal bytes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph, loadResolvedPlan } from "../../graph/load.ts";
 * import { simulate } from "../simulate.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const { resolved } = await loadResolvedPlan(g, "testdata/plans/tiny.valid.json");
 * const baseline = simulate(g, { allocator: "pytorch" });
 * const planned = simulate(g, { order: resolved.order, offsets: resolved.offsets });
 * const scale = sharedScale(g, [baseline, planned]);
 * assert.ok(scale.addressMax >= planned.arena && scale.bytesMax >= baseline.peakLive);
 * vizSide(g, planned, { label: "plan", ...scale });
 * ```
 */
export function sharedScale(
  g: IndexedGraph,
  reports: Report[],
  headroom = 0.1,
): { addressMax: number; bytesMax: number } {
  return {
    addressMax: Math.max(0, ...reports.map((r) => defaultAddressMax(g, r, headroom))),
    bytesMax: Math.max(0, ...reports.map((r) => defaultBytesMax(r, headroom))),
  };
}
