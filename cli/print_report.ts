/**
 * The human-readable form of a simulator report.
 *
 * @module
 */
import { KINDS } from "../graph/types.ts";
import type { Report } from "../simulator/simulate.ts";
import type { Violation } from "../simulator/violations.ts";
import { formatBytes, formatInt, formatPercent, renderPairs, renderTable } from "./format.ts";

/**
 * One line describing a violation.
 *
 * @example
 * ```ts
 * describeViolation({ kind: "missing_offset", tensor: "a" }); // 'missing_offset: tensor "a" has no offset'
 * ```
 */
export function describeViolation(v: Violation): string {
  const q = JSON.stringify;
  switch (v.kind) {
    case "overlap":
      return `overlap at step ${v.step}: ${q(v.tensors[0])} [${v.ranges[0][0]}, ${
        v.ranges[0][1]
      }) and ${q(v.tensors[1])} [${v.ranges[1][0]}, ${v.ranges[1][1]})`;
    case "out_of_capacity":
      return `out_of_capacity: ${q(v.tensor)} occupies [${v.range[0]}, ${
        v.range[1]
      }), above capacity ${v.capacity}`;
    case "misaligned":
      return `misaligned: ${q(v.tensor)} at offset ${v.offset}, not a multiple of ${v.alignment}`;
    case "missing_offset":
      return `missing_offset: tensor ${q(v.tensor)} has no offset`;
    case "not_topological":
      return v.edge === "data"
        ? `not_topological: op ${q(v.op)} at step ${v.step} reads ${q(v.tensor)}, produced by ${
          q(v.mustFollow)
        } at step ${v.mustFollowStep}`
        : `not_topological: op ${q(v.op)} at step ${v.step} must run after ${
          q(v.mustFollow)
        } (step ${v.mustFollowStep})`;
    case "not_permutation":
      return `not_permutation: op ${q(v.op)} is ${v.problem}${
        v.position !== undefined ? ` (order[${v.position}])` : ""
      }`;
  }
}

/**
 * The loud message for a planner that emitted an invalid plan or placement (a
 * bug in memplan, never written out), with its first ten violations.
 *
 * @example
 * ```ts
 * console.error(formatPlannerBug("the greedy-size placer", "placement", violations));
 * ```
 */
export function formatPlannerBug(who: string, what: string, violations: Violation[]): string {
  return [
    `memplan: ${who} produced an invalid ${what}:`,
    ...violations.slice(0, 10).map((v) => `  - ${describeViolation(v)}`),
  ].join("\n");
}

/**
 * Verdict, violations and memory figures of one replay, as text.
 *
 * @example
 * ```ts
 * console.log(formatReport(simulate(g)));
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
