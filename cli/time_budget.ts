/**
 * A command's `--time-limit` covers reading, solving, verifying and writing:
 * the solver gets what is left after reading, minus what verifying and
 * writing the answer are expected to take.
 *
 * @module
 */

/**
 * Seconds budgeted for verifying and writing a placement of `buffers`
 * buffers, after reading it took `readSeconds`: a fixed 50 ms plus the larger
 * of 1 µs a buffer (verifying, formatting and writing measured at 1,000,000
 * buffers: 0.45 s on an idle machine, 0.8–1.0 s with two other processes
 * busy on its two cores) and three reads. Scaling with the read calibrates
 * the reserve to this machine and its load now: too much and a large problem
 * gets only its first greedy placement, too little and it overruns. Those
 * steps took 2.2–3.5 reads at a million buffers on two machines (twice the
 * read, the reserve before, overran a 10 s limit by 0.8 s on the slower).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { finishReserve } from "./time_budget.ts";
 * assert.equal(finishReserve(1_000_000), 1.05); // nothing known of the read
 * assert.equal(finishReserve(1_000_000, 1.5), 4.55); // a slow read: a loaded machine
 * ```
 */
export function finishReserve(buffers: number, readSeconds = 0): number {
  return 0.05 + Math.max(1e-6 * buffers, 3 * readSeconds);
}

/**
 * The solver's share of a time limit started at `startedAt`
 * (`performance.now()`; 0 for the start of the process): what is left, less
 * {@linkcode finishReserve} (given the read's seconds); never
 * negative (a solver given 0 s still returns its quickest answer). An
 * infinite limit stays infinite.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { solverBudget } from "./time_budget.ts";
 * const b = solverBudget(10, performance.now(), 1000);
 * assert.ok(b > 9 && b <= 9.949);
 * ```
 */
export function solverBudget(
  timeLimit: number,
  startedAt: number,
  buffers: number,
  readSeconds = 0,
): number {
  if (timeLimit === Infinity) return Infinity;
  const used = (performance.now() - startedAt) / 1000;
  return Math.max(0, timeLimit - used - finishReserve(buffers, readSeconds));
}

/**
 * What a command says when its whole run, from the start of the process to
 * now (after writing), took longer than `timeLimit`: the steps and how many
 * of what it handled (`did`, e.g. "placing … 20,000 buffers"), the seconds.
 * Undefined within the limit.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { overrunNote } from "./time_budget.ts";
 * assert.equal(overrunNote(Infinity, "planning", "6 tensors"), undefined);
 * assert.match(overrunNote(1e-9, "planning", "6 tensors")!, /^over the time limit: reading, planning, verifying and writing 6 tensors took \d+\.\d s of the 1e-9 s$/);
 * ```
 */
export function overrunNote(timeLimit: number, doing: string, what: string): string | undefined {
  const at = performance.now() / 1000;
  if (at <= timeLimit) return undefined;
  return `over the time limit: reading, ${doing}, verifying and writing ${what} took ${
    at.toFixed(1)
  } s of the ${timeLimit} s`;
}
