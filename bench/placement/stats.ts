/**
 * Small statistics for benchmark tables.
 *
 * @module
 */

/**
 * The median of `xs` (NaN when empty).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { median } from "./stats.ts";
 * assert.equal(median([3, 1, 2]), 2);
 * assert.equal(median([1, 2, 3, 4]), 2.5);
 * ```
 */
export function median(xs: number[]): number {
  if (xs.length === 0) return NaN;
  const s = [...xs].sort((a, b) => a - b), m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Seeds from a list like `1-200` or `1,5,9-12`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { parseSeeds } from "./stats.ts";
 * assert.deepEqual(parseSeeds("1-3,7"), [1, 2, 3, 7]);
 * ```
 */
export function parseSeeds(text: string): number[] {
  const out: number[] = [];
  for (const part of text.split(",")) {
    const m = /^(\d+)(?:-(\d+))?$/.exec(part.trim());
    if (!m) throw new Error(`--seeds: "${part}" is not N or N-M`);
    const a = Number(m[1]), b = Number(m[2] ?? m[1]);
    if (b < a) throw new Error(`--seeds: "${part}" runs backwards`);
    for (let s = a; s <= b; s++) out.push(s);
  }
  return out;
}

/**
 * The one-minute load average, as a note for tables measured on a shared machine.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadNote } from "./stats.ts";
 * assert.match(loadNote(), /^load \d+\.\d\d on \d+ cores$/);
 * ```
 */
export function loadNote(): string {
  const [one] = Deno.loadavg();
  return `load ${one.toFixed(2)} on ${navigator.hardwareConcurrency} cores`;
}
