/**
 * Several sides in one SVG file: sides side by side, each side's panels
 * stacked, each panel a nested `<svg>` so it keeps its own coordinates.
 *
 * @module
 */
import { FONT_FAMILY, svgText } from "./_svg.ts";
import { px } from "./scale.ts";
import type { VizSide } from "./side.ts";

/** Options of {@linkcode vizSvg}. */
export interface VizSvgOptions {
  /** A heading above everything, e.g. the graph's name. */
  title?: string;
  /** Pixels between sides; default 24. */
  gap?: number;
}

const HEADING = 30;

/**
 * One SVG document holding every panel of every side.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * import { simulate } from "../simulate.ts";
 * import { vizSide } from "./side.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const svg = vizSvg([vizSide(g, simulate(g), { label: "program order" })]);
 * assert.match(svg, /^<svg /);
 * const dir = await Deno.makeTempDir();
 * await Deno.writeTextFile(`${dir}/viz.svg`, svg);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export function vizSvg(sides: VizSide[], options: VizSvgOptions = {}): string {
  const gap = options.gap ?? 24;
  const top = options.title ? HEADING : 0;
  const parts: string[] = [];
  let x = 0, height = 0;
  for (const side of sides) {
    let y = top, w = 0;
    for (const p of side.panels) {
      // A nested <svg> only needs a position: it keeps its own viewBox and size.
      parts.push(p.svg.replace(/^<svg /, `<svg x="${px(x)}" y="${px(y)}" `));
      y += p.height;
      w = Math.max(w, p.width);
    }
    height = Math.max(height, y);
    x += w + gap;
  }
  const width = Math.max(0, x - gap);
  const heading = options.title
    ? svgText(8, 20, options.title, 'font-size="16" font-weight="600" fill="#222"')
    : "";
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${px(width)} ${px(height)}" ` +
    `width="${px(width)}" height="${px(height)}" font-family='${FONT_FAMILY}'>` +
    `<rect width="100%" height="100%" fill="#fff"/>${heading}${parts.join("")}</svg>\n`;
}
