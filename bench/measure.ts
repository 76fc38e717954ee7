/**
 * Time and peak memory of one run in this process.
 *
 * @module
 */
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { peakRssBytes } from "./peak_rss.ts";

let gc: (() => void) | null | undefined;

/**
 * Runs a full garbage collection, so what earlier runs left behind is neither
 * counted in the next run's peak RSS nor collected during its timing. V8 lets
 * `--expose-gc` be set after start-up; where it does not, this does nothing.
 *
 * @example
 * ```ts
 * collectGarbage(); // a no-op where the runtime refuses to expose gc
 * ```
 */
export function collectGarbage(): void {
  if (gc === undefined) {
    try {
      setFlagsFromString("--expose-gc");
      gc = runInNewContext("gc") as () => void;
    } catch {
      gc = null;
    }
  }
  gc?.();
}

/**
 * Resets the process's peak-RSS mark (Linux: `5` into `/proc/self/clear_refs`),
 * so the next {@linkcode peakRssBytes} measures from now: from the current RSS,
 * garbage included ({@linkcode collectGarbage} first for a clean start). False
 * where that is not possible: the peak is then the process's peak so far.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(resetPeakRss(), Deno.build.os === "linux");
 * ```
 */
export function resetPeakRss(): boolean {
  try {
    Deno.writeTextFileSync("/proc/self/clear_refs", "5");
    return true;
  } catch {
    return false;
  }
}

/** What {@linkcode measure} returns. */
export interface Measured<T> {
  value: T;
  seconds: number;
  /** Peak RSS while `fn` ran (it includes what the process already held). */
  peakRssMiB: number;
}

/**
 * Runs `fn` and measures its wall-clock seconds and the peak RSS during it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../graph/load.ts";
 * import { greedySizePlacer } from "../solver/placers/greedy_size.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * const placer = greedySizePlacer;
 * const { value, seconds, peakRssMiB } = await measure(() => placer.place(problem));
 * assert.equal(value.arena, 12);
 * assert.ok(seconds >= 0 && peakRssMiB > 0);
 * ```
 */
export async function measure<T>(fn: () => Promise<T> | T): Promise<Measured<T>> {
  resetPeakRss();
  const t0 = performance.now();
  const value = await fn();
  const seconds = (performance.now() - t0) / 1000;
  return { value, seconds, peakRssMiB: peakRssBytes() / 2 ** 20 };
}
