/**
 * Memory pictures of a replay: the memory map (steps across, addresses up, a
 * rectangle per tensor) and the live-bytes timeline stacked by kind, as SVG or
 * as one self-contained HTML page that can compare two plans side by side.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * import { simulate } from "../simulate.ts";
 * import { vizHtml, vizSide } from "./mod.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const side = vizSide(g, simulate(g, { allocator: "pytorch" }), {
 *   label: "program order", side: 0, titles: false,
 * });
 * const html = vizHtml([side], { title: g.name });
 * assert.match(html, /^<!DOCTYPE html>/i);
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/viz.html`, html);
 * await Deno.remove(dir, { recursive: true });
 * ```
 *
 * @module
 */
export * from "./escape.ts";
export * from "./palette.ts";
export * from "./scale.ts";
export * from "./live_by_kind.ts";
export * from "./map_cells.ts";
export * from "./memory_map.ts";
export * from "./timeline.ts";
export * from "./side.ts";
export * from "./compose_svg.ts";
export * from "./html.ts";
export * from "./picture.ts";
