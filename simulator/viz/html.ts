/**
 * The HTML picture: one self-contained file (no network, no external script,
 * font or style sheet) with the panels inline, side by side when comparing,
 * and a small inline script for hover details.
 *
 * @module
 */
import { KINDS } from "../../graph/types.ts";
import { FONT_FAMILY } from "./_svg.ts";
import { HOVER_SCRIPT } from "./_hover_script.ts";
import { escapeXml, jsonForScript } from "./escape.ts";
import { KIND_STACK_ORDER } from "./palette.ts";
import type { VizSide } from "./side.ts";

/** Options of {@linkcode vizHtml}. */
export interface VizHtmlOptions {
  /** Page heading and title, e.g. the graph's name. */
  title?: string;
  /** A line under the heading, e.g. the command that made the picture. */
  note?: string;
}

const CSS = `
*{box-sizing:border-box}
body{margin:0;padding:14px 18px;font-family:${FONT_FAMILY};color:#222;background:#f4f4f2}
h1{font-size:18px;margin:0 0 2px}
.note{margin:0 0 10px;color:#555;font-size:12px}
.sides{display:grid;gap:14px;align-items:start}
.side{background:#fff;border:1px solid #ddd;border-radius:6px;padding:4px;min-width:0}
.side svg{display:block;width:100%;height:auto}
.hl{stroke:#000 !important;stroke-width:2px !important;stroke-opacity:1 !important}
.viz-cursor{stroke:#000;stroke-width:1;stroke-opacity:.5;pointer-events:none}
#viz-tip{position:fixed;z-index:10;pointer-events:none;background:rgba(255,255,255,.97);
  border:1px solid #999;border-radius:4px;padding:6px 8px;font-size:12px;max-width:440px;
  box-shadow:0 2px 8px rgba(0,0,0,.18)}
#viz-tip .tip-head{font-weight:600;margin-bottom:3px;word-break:break-all}
#viz-tip td{padding:0 8px 0 0;vertical-align:top}
#viz-tip td:first-child{color:#666;white-space:nowrap}
`;

/**
 * The HTML page of one or more sides: the sides in a row (two sides: the
 * comparison), the hover data as JSON in a `<script type="application/json">`,
 * and the hover script. Every id is escaped; nothing is fetched.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * import { loadResolvedPlan } from "../../graph/load.ts";
 * import { simulate } from "../simulate.ts";
 * import { vizSide } from "./side.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const { resolved } = await loadResolvedPlan(g, "testdata/plans/tiny.valid.json");
 * const baseline = simulate(g, { allocator: "pytorch" });
 * const planned = simulate(g, { order: resolved.order, offsets: resolved.offsets });
 * const labels = ["program order", "tiny.valid.json"];
 * const sides = [baseline, planned].map((r, i) =>
 *   vizSide(g, r, { label: labels[i], side: i, titles: false })
 * );
 * const html = vizHtml(sides, { title: g.name });
 * assert.match(html, /tiny.valid.json · static allocator/);
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/viz.html`, html);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export function vizHtml(sides: VizSide[], options: VizHtmlOptions = {}): string {
  const title = options.title ?? "memplan memory picture";
  const data = {
    kinds: KINDS,
    stackOrder: KIND_STACK_ORDER,
    sides: sides.map((s) => ({
      title: s.title,
      reservedLabel: s.allocator === "pytorch" ? "reserved" : "arena in use",
      map: s.hover.map,
      timeline: s.hover.timeline,
    })),
  };
  const columns = `grid-template-columns:repeat(${Math.max(1, sides.length)},minmax(0,1fr))`;
  const body = sides.map((s, i) =>
    `<section class="side" data-side="${i}" aria-label="${escapeXml(s.title)}">` +
    s.panels.map((p) => p.svg).join("") + "</section>"
  ).join("\n");
  return `<!doctype html>
<html lang="en" data-sides="${sides.length}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeXml(title)}</title>
<style>${CSS}</style>
</head>
<body>
<h1>${escapeXml(title)}</h1>
<p class="note">${
    escapeXml(
      options.note ??
        "Hover a rectangle for the tensor, or the timeline for the bytes live at a step.",
    )
  }</p>
<main class="sides" style="${columns}">
${body}
</main>
<div id="viz-tip" hidden></div>
<script type="application/json" id="viz-data">${jsonForScript(data)}</script>
<script>${HOVER_SCRIPT}</script>
</body>
</html>
`;
}
