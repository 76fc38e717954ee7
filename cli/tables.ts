/**
 * Boxed text tables for the CLI, drawn by cli-table3.
 *
 * A module of its own so that a command printing JSON never loads
 * cli-table3 (about 13 ms of start-up, which `place --time-limit` counts).
 *
 * @module
 */
import Table from "npm:cli-table3@0.6.5";

// No rule between body rows: tables stay one line per row.
const COMPACT = { "mid": "", "left-mid": "", "mid-mid": "", "right-mid": "" };

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
