/**
 * Small SVG string builders shared by the panels. Text always goes through
 * {@linkcode escapeXml}; numbers through {@linkcode px}.
 *
 * @module
 */
import { escapeXml } from "./escape.ts";
import { kindCss } from "./palette.ts";
import { px } from "./scale.ts";

/** System fonts only: a picture must render offline and without web fonts. */
export const FONT_FAMILY =
  `system-ui, -apple-system, "Segoe UI", "DejaVu Sans", "Liberation Sans", Arial, sans-serif`;

/** Styles shared by every panel (kind colours, lines, labels with a white halo). */
export const PANEL_CSS = kindCss() +
  ".bg{fill:#fff}.frame{fill:none;stroke:#888;stroke-width:1}" +
  ".grid{stroke:#e8e8e8;stroke-width:1}.tick{stroke:#888;stroke-width:1}" +
  "text{fill:#222}.muted{fill:#666}.title{font-size:14px;font-weight:600}.sub{font-size:12px;fill:#444}" +
  ".bad{fill:#B00020;font-weight:600}" +
  ".halo{paint-order:stroke;stroke:#fff;stroke-width:3px;stroke-linejoin:round}" +
  // Pixel-snapped edges: anti-aliased neighbours would show hairline seams between them.
  ".tensors,.cells{shape-rendering:crispEdges}" +
  ".tensors .e{stroke:#fff;stroke-width:.6px;stroke-opacity:.9}" +
  ".arena{stroke:#222;stroke-width:1.2;stroke-dasharray:6 3;fill:none}" +
  ".level{stroke:#222;stroke-width:1;stroke-dasharray:1.5 2.5;fill:none}" +
  ".peak{stroke:#B00020;stroke-width:1.2;stroke-dasharray:4 3}" +
  ".peaklbl{fill:#B00020;font-weight:600}" +
  ".reserved{stroke:#222;stroke-width:1.6;fill:none}";

/**
 * The opening tag of a panel: its own size, a viewBox so HTML can scale it, a
 * class the hover script looks for, and a white background (dark viewers).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const open = svgOpen(800, 300, "timeline", 'data-side="0"');
 * assert.match(open, /^<svg xmlns=.* viewBox="0 0 800 300"/);
 * ```
 */
export function svgOpen(width: number, height: number, className: string, attrs = ""): string {
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${px(width)} ${px(height)}" ` +
    `width="${px(width)}" height="${px(height)}" class="${className}"${attrs ? " " + attrs : ""} ` +
    `font-family='${FONT_FAMILY}' font-size="11">` +
    `<style>${PANEL_CSS}</style><rect class="bg" width="${px(width)}" height="${px(height)}"/>`;
}

/**
 * A `<text>` element with escaped content.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(
 *   svgText(10, 20, "a<b", 'class="title"'),
 *   '<text x="10" y="20" class="title">a&lt;b</text>',
 * );
 * ```
 */
export function svgText(x: number, y: number, content: string, attrs = ""): string {
  return `<text x="${px(x)}" y="${px(y)}"${attrs ? " " + attrs : ""}>${escapeXml(content)}</text>`;
}

/**
 * A `<line>` element.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(svgLine(0, 5, 100, 5, 'class="grid"'), '<line x1="0" y1="5" x2="100" y2="5" class="grid"/>');
 * ```
 */
export function svgLine(x1: number, y1: number, x2: number, y2: number, attrs = ""): string {
  return `<line x1="${px(x1)}" y1="${px(y1)}" x2="${px(x2)}" y2="${px(y2)}"${
    attrs ? " " + attrs : ""
  }/>`;
}
