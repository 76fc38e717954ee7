/**
 * One picture of one or two replays: the sides laid out on a shared scale
 * within one tensor cap, as SVG or as an HTML page.
 *
 * @module
 */
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import type { Report } from "../simulate.ts";
import { vizSvg } from "./compose_svg.ts";
import { vizHtml } from "./html.ts";
import { sharedScale, vizSide } from "./side.ts";

/** Default of {@linkcode PictureOptions.cap}. */
export const DEFAULT_TENSOR_CAP = 20_000;

/** Options of {@linkcode vizPicture}. */
export interface PictureOptions {
  format: "svg" | "html";
  /** Tensors drawn one by one in the whole picture; the rest merge into cells. Default 20,000. */
  cap?: number;
}

/** A picture and what it drew. */
export interface Picture {
  text: string;
  sides: number;
  /** Tensor rectangles drawn one by one, over all sides. */
  drawn: number;
}

/**
 * Draws `replays` (left to right) of `g` as one picture.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * import { simulate } from "../simulate.ts";
 * import { vizPicture } from "./picture.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const p = vizPicture(g, [{ label: "program order", report: simulate(g) }], { format: "svg" });
 * assert.ok(p.text.startsWith("<svg"));
 * ```
 */
export function vizPicture(
  g: IndexedGraph,
  replays: readonly { label: string; report: Report }[],
  options: PictureOptions,
): Picture {
  const scale = sharedScale(g, replays.map((r) => r.report));
  const compare = replays.length > 1;
  const sides = replays.map((r, i) =>
    vizSide(g, r.report, {
      label: r.label,
      side: i,
      // Sides share the page's width; a narrower viewBox keeps their text legible.
      width: compare ? 700 : 1200,
      titles: options.format === "svg",
      // The cap bounds the whole picture, so each side of a comparison gets its share.
      cap: Math.ceil((options.cap ?? DEFAULT_TENSOR_CAP) / replays.length),
      ...(compare ? scale : {}),
    })
  );
  const title = `${g.name}: memory map and live bytes`;
  const text = options.format === "svg" ? vizSvg(sides, { title }) : vizHtml(sides, { title });
  const drawn = sides.map((s) => s.hover.map.tensors.length).reduce((a, b) => a + b, 0);
  return { text, sides: sides.length, drawn };
}
