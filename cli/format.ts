/**
 * Human-readable numbers and tables for the CLI.
 *
 * @module
 */
import Table from "npm:cli-table3@0.6.5";

// No rule between body rows: tables stay one line per row.
const COMPACT = { "mid": "", "left-mid": "", "mid-mid": "", "right-mid": "" };

const INT = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/**
 * Bytes with thousands separators and MiB: `1,048,576 B (1.00 MiB)`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(formatBytes(1048576), "1,048,576 B (1.00 MiB)");
 * ```
 */
export function formatBytes(bytes: number): string {
  return `${INT.format(bytes)} B (${formatMiB(bytes)})`;
}

const MIB = new Intl.NumberFormat("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/**
 * Bytes as MiB with two decimals and thousands separators (one unit in every
 * table, so columns compare at a glance).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(formatMiB(3 * 1048576), "3.00 MiB");
 * assert.equal(formatMiB(2 ** 40), "1,048,576.00 MiB");
 * ```
 */
export function formatMiB(bytes: number): string {
  return `${MIB.format(bytes / 1048576)} MiB`;
}

/**
 * A ratio as a percentage with one decimal.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(formatPercent(0.1234), "12.3%");
 * ```
 */
export function formatPercent(ratio: number): string {
  return `${(ratio * 100).toFixed(1)}%`;
}

/**
 * An integer with thousands separators.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(formatInt(1234567), "1,234,567");
 * ```
 */
export function formatInt(n: number): string {
  return INT.format(n);
}

/**
 * Renders rows as a boxed text table: the first column left-aligned (names),
 * the others right-aligned (numbers); one rule under the header, none between rows.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const table = renderTable(["kind", "bytes"], [["weight", "1,024"]]);
 * assert.match(table, /weight/);
 * console.log(table);
 * ```
 */
export function renderTable(head: string[], rows: (string | number)[][]): string {
  const table = new Table({
    head,
    style: { head: [], border: [] },
    chars: COMPACT,
    colAligns: head.map((_, i) => (i === 0 ? "left" : "right")),
  });
  for (const r of rows) table.push(r.map(String));
  // cli-table3 draws a rule under every row or under none; draw the header's
  // from the top border.
  const lines = table.toString().split("\n");
  const rule = lines[0].replace("┌", "├").replaceAll("┬", "┼").replace("┐", "┤");
  return [lines[0], lines[1], rule, ...lines.slice(2)].join("\n");
}

/**
 * Two-column key/value table.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const pairs = renderPairs([["ops", "12"], ["tensors", "30"]]);
 * assert.match(pairs, /tensors/);
 * console.log(pairs);
 * ```
 */
export function renderPairs(rows: [string, string | number][]): string {
  const table = new Table({ style: { head: [], border: [] }, chars: COMPACT });
  for (const [k, v] of rows) table.push([k, String(v)]);
  return table.toString();
}
