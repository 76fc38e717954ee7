/**
 * Exit codes of memplan, shared by the command line and the benchmark: what a
 * workflow's outcome means to a shell.
 *
 * @module
 */

/**
 * Exit codes of memplan.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { EXIT } from "./exit.ts";
 * assert.equal(EXIT.violations, 1);
 * ```
 */
export const EXIT = {
  ok: 0,
  /** The plan or placement was checked and has violations. */
  violations: 1,
  /** The input is unreadable, malformed or inconsistent (also bad usage). */
  badInput: 2,
  /** No plan or placement within the capacity was found in time. */
  notFound: 3,
  /** A bug in memplan. */
  internal: 70,
} as const;

/** One of the exit codes. */
export type ExitCode = typeof EXIT[keyof typeof EXIT];

/**
 * The exit code of a planning or placing workflow: a planner bug is internal,
 * a result over its capacity was not found, anything else is ok.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { EXIT, outcomeExit } from "./exit.ts";
 * assert.equal(outcomeExit({ plannerBug: [], fits: false }), EXIT.notFound);
 * ```
 */
export function outcomeExit(outcome: { plannerBug: readonly unknown[]; fits: boolean }): ExitCode {
  if (outcome.plannerBug.length > 0) return EXIT.internal;
  return outcome.fits ? EXIT.ok : EXIT.notFound;
}
