/**
 * Reports as plain JSON values for `--json` output and files.
 *
 * @module
 */
import type { Report } from "./simulate.ts";

/**
 * The report without its bulky per-tensor arrays; the per-step timeline only
 * when asked (it has one entry per op).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * import { simulate } from "./simulate.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const json = reportToJson(simulate(g), { timeline: false });
 * assert.equal(json.peakLive, 22);
 * assert.equal("timeline" in json, false);
 * ```
 */
export function reportToJson(
  report: Report,
  options: { timeline?: boolean } = {},
): Record<string, unknown> {
  const { timeline, offsets: _offsets, lifetimes: _lifetimes, ...rest } = report;
  const out: Record<string, unknown> = { ...rest };
  if (options.timeline) {
    out.timeline = { live: Array.from(timeline.live), reserved: Array.from(timeline.reserved) };
  }
  return out;
}
