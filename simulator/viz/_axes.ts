/**
 * Axes of the panels: bytes up (ticks in the unit that suits the range, MiB for
 * real steps) and steps across (ticks at the centre of a step's column).
 *
 * @module
 */
import { svgLine, svgText } from "./_svg.ts";
import { byteUnit, formatNumber, niceStep, niceTicks } from "./scale.ts";

/** A plot area in panel pixels. */
export interface Plot {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Gridlines, ticks and labels of a byte axis over `[0, max]` on the plot's
 * left edge, and its title written sideways.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(byteAxis({ x: 70, y: 40, w: 800, h: 300 }, 2 ** 30, "address"), /^<line /);
 * ```
 */
export function byteAxis(plot: Plot, max: number, title: string): string {
  const unit = byteUnit(max);
  const target = Math.max(2, Math.floor(plot.h / 48));
  const ticks = niceTicks(max / unit.bytes, target);
  const step = niceStep(max / unit.bytes / target);
  const decimals = Math.max(0, -Math.floor(Math.log10(step)));
  const parts: string[] = [];
  for (const v of ticks) {
    const y = plot.y + plot.h - (max > 0 ? v * unit.bytes / max * plot.h : 0);
    parts.push(svgLine(plot.x, y, plot.x + plot.w, y, 'class="grid"'));
    parts.push(svgLine(plot.x - 4, y, plot.x, y, 'class="tick"'));
    parts.push(
      svgText(plot.x - 7, y + 3.5, formatNumber(v, decimals), 'text-anchor="end" class="muted"'),
    );
  }
  const mid = plot.y + plot.h / 2;
  parts.push(
    `<text transform="translate(14 ${
      mid.toFixed(1)
    }) rotate(-90)" text-anchor="middle" class="muted">${title} (${unit.name})</text>`,
  );
  return parts.join("");
}

/**
 * Ticks and labels of the step axis under the plot; step `s` spans
 * `[s, s + 1)`, so its tick sits at `s + 0.5`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(stepAxis({ x: 70, y: 40, w: 800, h: 300 }, 245, "step"), /^<line /);
 * ```
 */
export function stepAxis(plot: Plot, steps: number, title: string): string {
  const n = Math.max(1, steps);
  const ticks = niceTicks(n - 1, Math.max(2, Math.floor(plot.w / 90)), true);
  const bottom = plot.y + plot.h;
  const parts: string[] = [];
  for (const s of ticks) {
    const x = plot.x + (s + 0.5) * plot.w / n;
    parts.push(svgLine(x, bottom, x, bottom + 4, 'class="tick"'));
    parts.push(svgText(x, bottom + 15, formatNumber(s), 'text-anchor="middle" class="muted"'));
  }
  parts.push(
    svgText(plot.x + plot.w / 2, bottom + 30, title, 'text-anchor="middle" class="muted"'),
  );
  return parts.join("");
}
