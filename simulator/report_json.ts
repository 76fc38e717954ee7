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
 * JSON.stringify(reportToJson(simulate(g), { timeline: false }));
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
