/**
 * `summary.csv`: every row flat, raw numbers (bytes, fractions, seconds), for
 * spreadsheets and plotting tools.
 *
 * @module
 */
import { stringify } from "npm:csv-stringify@6.9.0/sync";
import { failureText } from "./failure.ts";
import type { BenchRow } from "./record.ts";

/** The columns, in order; a field a row lacks is an empty cell. */
export const CSV_COLUMNS = [
  "suite",
  "input",
  "name",
  "kind",
  "size",
  "ops",
  "planner",
  "scheduler",
  "placer",
  "allocator",
  "time_limit",
  "seed",
  "status",
  "schedule_status",
  "place_status",
  "program_order_peak",
  "peak_live",
  "arena",
  "fragmentation",
  "reduction_arena",
  "reduction_peak_live",
  "lower_bound",
  "lower_bound_kind",
  "gap",
  "capacity",
  "fits",
  "seconds",
  "schedule_seconds",
  "place_seconds",
  "verify_seconds",
  "parse_seconds",
  "over_time_limit",
  "peak_rss_mib",
  "verified",
  "failure",
  "key",
  "at",
] as const;

/**
 * The rows as CSV text with a header line.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { tinyRows } from "./_tiny_rows_test_util.ts";
 * const csv = summaryCsv(await tinyRows());
 * assert.equal(csv.trimEnd().split("\n").length, 6); // a header and a line per row
 * ```
 */
export function summaryCsv(rows: readonly BenchRow[]): string {
  const records = rows.map((r) => [
    r.suite,
    r.input,
    r.name,
    r.kind,
    r.size,
    r.ops,
    r.planner,
    r.scheduler,
    r.placer,
    r.allocator,
    r.options.timeLimit,
    r.options.seed,
    r.status,
    r.scheduleStatus,
    r.placeStatus,
    r.programOrderPeak,
    r.peakLive,
    r.arena,
    r.fragmentation,
    r.reductionArena,
    r.reductionPeakLive,
    r.lowerBound,
    r.lowerBoundKind,
    r.gap,
    r.capacity,
    r.fits,
    r.seconds,
    r.scheduleSeconds,
    r.placeSeconds,
    r.verifySeconds,
    r.parseSeconds,
    r.overTimeLimit,
    r.peakRssMiB,
    r.verified,
    failureText(r),
    r.key,
    r.at,
  ]);
  return stringify([[...CSV_COLUMNS], ...records], {
    cast: { boolean: (b) => (b ? "true" : "false") },
  });
}
