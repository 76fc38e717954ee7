/**
 * The kind legend: a swatch and a label per kind present, wrapping to the width.
 *
 * @module
 */
import { svgText } from "./_svg.ts";
import { KIND_LABELS, KIND_STACK_ORDER } from "./palette.ts";
import { KINDS } from "../../graph/types.ts";
import { px } from "./scale.ts";

// An estimate of label widths at 11px, good enough to space a legend.
const CHAR_PX = 6.3;

/**
 * Legend entries for the kind codes in `present`, in stack order, from
 * `(x, y)`, wrapping at `x + width`. Returns the SVG and the rows used.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(kindLegend(new Set([1, 3]), 70, 60, 800).svg, /^<g class="legend">/);
 * ```
 */
export function kindLegend(
  present: ReadonlySet<number>,
  x: number,
  y: number,
  width: number,
): { svg: string; rows: number } {
  const parts: string[] = [];
  let cx = x, cy = y, rows = 1;
  for (const k of KIND_STACK_ORDER) {
    if (!present.has(k)) continue;
    const label = KIND_LABELS[KINDS[k]];
    const w = 16 + label.length * CHAR_PX + 14;
    if (cx > x && cx + w > x + width) {
      cx = x;
      cy += 16;
      rows++;
    }
    parts.push(
      `<rect class="k${k}" x="${px(cx)}" y="${
        px(cy - 9)
      }" width="11" height="11" stroke="#555" stroke-width=".5"/>`,
    );
    parts.push(svgText(cx + 15, cy, label));
    cx += w;
  }
  return { svg: `<g class="legend">${parts.join("")}</g>`, rows };
}
