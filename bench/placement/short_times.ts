/**
 * Times of a few milliseconds, made comparable. At that scale one scheduler
 * hiccup or collection is as long as the solve, so a solver whose first run
 * is short runs again and its time is the median of its runs; and ratios
 * compare times at the peer's resolution (MiniMalloc prints milliseconds).
 * Both rules apply to both solvers alike.
 *
 * @module
 */

/** Options of {@linkcode medianOfShort}. */
export interface ShortOptions {
  /** Runs in all when the first is short (default 3). */
  repeats?: number;
  /**
   * A first run under this many seconds is short (default 0.5: at 0.05 a
   * first run of 53 ms stood alone in a table for a search of 549 nodes that
   * had taken 10 ms in the table before).
   */
  under?: number;
}

/**
 * Runs `solve` once; if that took under `under` seconds, runs it until
 * `repeats` runs in all and returns the run whose time is the median (its
 * result and time). `solve` reports its own seconds.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { medianOfShort } from "./short_times.ts";
 * const times = [0.004, 0.009, 0.002];
 * const r = await medianOfShort(() => Promise.resolve({ seconds: times.shift()! }));
 * assert.equal(r.seconds, 0.004);
 * const slow = await medianOfShort(() => Promise.resolve({ seconds: 2 })); // run once
 * assert.equal(slow.seconds, 2);
 * ```
 */
export async function medianOfShort<R extends { seconds: number }>(
  solve: () => Promise<R>,
  options: ShortOptions = {},
): Promise<R> {
  const repeats = options.repeats ?? 3, under = options.under ?? 0.5;
  const runs = [await solve()];
  if (runs[0].seconds < under) { while (runs.length < repeats) runs.push(await solve()); }
  runs.sort((a, b) => a.seconds - b.seconds);
  return runs[(runs.length - 1) >> 1];
}

/**
 * Seconds at a resolution of 1 ms (rounded to the nearest), at least 1 ms:
 * how ratios see a time, so that a solver timed to the microsecond is not
 * compared with one that prints milliseconds.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { atMilliseconds } from "./short_times.ts";
 * assert.equal(atMilliseconds(0.00149), 0.001);
 * assert.equal(atMilliseconds(0.0016), 0.002);
 * assert.equal(atMilliseconds(0), 0.001);
 * ```
 */
export function atMilliseconds(seconds: number): number {
  return Math.max(1, Math.round(seconds * 1000)) / 1000;
}
