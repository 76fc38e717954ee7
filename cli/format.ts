/**
 * Human-readable numbers for the CLI (its tables are in tables.ts).
 *
 * @module
 */
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
