/**
 * Short human-readable numbers for benchmark tables (the raw values stay in
 * results.jsonl and summary.csv).
 *
 * @module
 */

const UNITS = ["B", "KiB", "MiB", "GiB", "TiB"];

/**
 * Bytes in the largest binary unit that keeps the number at least 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(humanBytes(1536), "1.50 KiB");
 * assert.equal(humanBytes(22), "22 B");
 * ```
 */
export function humanBytes(bytes: number | undefined): string {
  if (bytes === undefined || !Number.isFinite(bytes)) return "";
  let v = bytes, u = 0;
  while (Math.abs(v) >= 1024 && u < UNITS.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${v} B` : `${v.toFixed(2)} ${UNITS[u]}`;
}

/**
 * A fraction as a percentage with one decimal.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(percent(0.1234), "12.3%");
 * ```
 */
export function percent(ratio: number | undefined): string {
  return ratio === undefined || !Number.isFinite(ratio) ? "" : `${(ratio * 100).toFixed(1)}%`;
}

/**
 * A change as a signed percentage: `-0.25` (25 % less) is "-25.0%".
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(signedPercent(0.05), "+5.0%");
 * ```
 */
export function signedPercent(change: number | undefined): string {
  if (change === undefined || !Number.isFinite(change)) return "";
  const text = (change * 100).toFixed(1);
  // A change that rounds to zero reads "0.0%", not "-0.0%" or "+0.0%".
  if (Number(text) === 0) return "0.0%";
  return `${change > 0 ? "+" : ""}${text}%`;
}

/**
 * Seconds with three significant digits (milliseconds below one second).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(seconds(0.01234), "12.3 ms");
 * assert.equal(seconds(42.17), "42.2 s");
 * ```
 */
export function seconds(s: number | undefined): string {
  if (s === undefined || !Number.isFinite(s)) return "";
  if (s < 1) return `${(s * 1000).toPrecision(3)} ms`;
  return s < 100 ? `${s.toPrecision(3)} s` : `${s.toFixed(0)} s`;
}

/**
 * An integer with thousands separators.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(count(1000000), "1,000,000");
 * ```
 */
export function count(n: number | undefined): string {
  return n === undefined ? "" : n.toLocaleString("en-US");
}
