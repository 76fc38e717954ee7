/**
 * Peak resident memory of this process, for benchmark reports.
 *
 * @module
 */

/**
 * Peak RSS in bytes (Linux `VmHWM`); falls back to the current RSS elsewhere.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const mib = peakRssBytes() / 2 ** 20;
 * assert.ok(mib > 0);
 * console.log(`${mib.toFixed(0)} MiB`);
 * ```
 */
export function peakRssBytes(): number {
  try {
    const status = Deno.readTextFileSync("/proc/self/status");
    const m = status.match(/^VmHWM:\s+(\d+)\s+kB/m);
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux: fall through
  }
  return Deno.memoryUsage().rss;
}
