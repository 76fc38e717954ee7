/**
 * The human-readable form of a simulator report.
 *
 * @module
 */
import { KINDS } from "../graph/types.ts";
import type { Report } from "../simulator/simulate.ts";
import type { PlacementReport } from "../simulator/verify_placement.ts";
import { describeViolation } from "../simulator/describe_violation.ts";
import { formatBytes, formatInt, formatPercent } from "./format.ts";
import { renderPairs, renderTable } from "./tables.ts";

/**
 * Verdict, violations and memory figures of one replay, as text.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * import { simulate } from "../simulator/simulate.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const text = formatReport(simulate(g));
 * assert.match(text, /valid/i);
 * console.log(text);
 * ```
 */
export function formatReport(r: Report): string {
  const lines: string[] = [];
  const verdict = r.ok ? "VALID" : `INVALID: ${formatInt(r.violationCount)} violation(s)`;
  lines.push(`${r.graph} under the ${r.allocator} allocator: ${verdict}`);
  if (!r.ok) {
    const kinds = Object.entries(r.violationsByKind).map(([k, n]) => `${k} ${formatInt(n!)}`).join(
      ", ",
    );
    lines.push(`  by kind: ${kinds}`);
    for (const v of r.violations.slice(0, 20)) lines.push(`  - ${describeViolation(v)}`);
    if (r.violationCount > 20) {
      lines.push(
        `  … ${
          formatInt(r.violationCount - 20)
        } more (use --json for the first ${r.violations.length})`,
      );
    }
  }
  if (!r.replayed) return lines.join("\n");
  const rows: [string, string][] = [
    ["program-order peak", formatBytes(r.programOrderPeak)],
    ["peak live (L)", formatBytes(r.peakLive)],
    ["peak step", `${r.peakStep} (op ${JSON.stringify(r.peakOp)})`],
    [r.allocator === "pytorch" ? "arena (H, peak reserved)" : "arena (H)", formatBytes(r.arena)],
    ["fragmentation (H-L)/H", formatPercent(r.fragmentation)],
  ];
  if (r.allocator === "pytorch") {
    rows.push(["peak allocated (rounded)", formatBytes(r.peakAllocated)]);
  }
  if (r.capacity !== undefined) rows.push(["capacity", formatBytes(r.capacity)]);
  lines.push(renderPairs(rows));
  lines.push("peak live by kind, at the peak step:");
  lines.push(renderTable(
    ["kind", "bytes", "share"],
    KINDS.filter((k) => r.peakLiveByKind[k] > 0).map((k) => [
      k,
      formatBytes(r.peakLiveByKind[k]),
      formatPercent(r.peakLive ? r.peakLiveByKind[k] / r.peakLive : 0),
    ]),
  ));
  return lines.join("\n");
}

/**
 * Verdict, violations and memory figures of a verified solution file, as text.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { verifyPlacement } from "../simulator/verify_placement.ts";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 2, size: 4 }, { id: "b", lower: 1, upper: 3, size: 4 }] };
 * const text = formatPlacementReport("solution.csv", verifyPlacement(problem, Float64Array.of(0, 4)));
 * assert.match(text, /solution\.csv/);
 * console.log(text);
 * ```
 */
export function formatPlacementReport(file: string, r: PlacementReport): string {
  const verdict = r.ok ? "VALID" : `INVALID: ${formatInt(r.violationCount)} violation(s)`;
  const lines = [`${file}: ${verdict}`];
  for (const v of r.violations.slice(0, 20)) lines.push(`  - ${describeViolation(v)}`);
  const rows: [string, string][] = [
    ["buffers", formatInt(r.buffers)],
    ["peak live (L)", formatBytes(r.peakLive)],
    ["arena (H)", formatBytes(r.arena)],
    ["fragmentation (H-L)/H", formatPercent(r.fragmentation)],
  ];
  if (r.capacity !== undefined) rows.push(["capacity", formatBytes(r.capacity)]);
  lines.push(renderPairs(rows));
  return lines.join("\n");
}
