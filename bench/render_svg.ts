/**
 * Vega-Lite specs to standalone SVG, headless: vega's scenegraph renderer
 * needs no browser or canvas. Vega is imported on first use, so commands
 * that draw nothing never load it.
 *
 * @module
 */
import type { TopLevelSpec } from "npm:vega-lite@6.5.0";

/**
 * Renders a Vega-Lite spec to an SVG document (`<svg …>…</svg>`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const svg = await renderSvg({ data: { values: [{ a: "x", b: 1 }] }, mark: "bar",
 *   encoding: { x: { field: "a", type: "nominal" }, y: { field: "b", type: "quantitative" } } });
 * assert.ok(svg.startsWith("<svg"));
 * ```
 */
export async function renderSvg(spec: TopLevelSpec): Promise<string> {
  const [vega, vl] = await Promise.all([import("npm:vega@6.4.0"), import("npm:vega-lite@6.5.0")]);
  const compiled = vl.compile(spec).spec;
  const view = new vega.View(vega.parse(compiled), { renderer: "none" });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
}
