/**
 * A command's `--time-limit` covers reading, solving, verifying and writing:
 * the solver gets what is left after reading, minus what verifying and
 * writing the answer are expected to take.
 *
 * @module
 */

/**
 * Seconds verifying and writing a placement of `buffers` buffers are budgeted
 * (about 4 µs a buffer at 1,000,000 buffers on an idle machine since CSV
 * writing skips csv-stringify, three to four times that under load), plus a
 * fixed 50 ms. Too much and a large problem gets only first-fit; too little
 * and it overruns.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { finishReserve } from "./time_budget.ts";
 * assert.equal(finishReserve(1_000_000), 15.05);
 * ```
 */
export function finishReserve(buffers: number): number {
  return 0.05 + 15e-6 * buffers;
}

/**
 * The solver's share of a time limit started at `startedAt`
 * (`performance.now()`; 0 for the start of the process): what is left, less {@linkcode finishReserve}; never
 * negative (a solver given 0 s still returns its quickest answer). An
 * infinite limit stays infinite.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { solverBudget } from "./time_budget.ts";
 * const b = solverBudget(10, performance.now(), 1000);
 * assert.ok(b > 9 && b <= 9.935);
 * ```
 */
export function solverBudget(timeLimit: number, startedAt: number, buffers: number): number {
  if (timeLimit === Infinity) return Infinity;
  const used = (performance.now() - startedAt) / 1000;
  return Math.max(0, timeLimit - used - finishReserve(buffers));
}
