/**
 * How `plan` and `place` end: a planner bug is reported loudly and nothing
 * is written; otherwise the result is written when it fits, the summary is
 * printed (JSON or a table), and a miss of the capacity is said on stderr.
 *
 * @module
 */
import { type ExitCode, outcomeExit } from "../pipeline/exit.ts";
import { formatPlannerBug, notFoundMessage } from "../pipeline/planner_bug.ts";
import type { Violation } from "../simulator/violations.ts";
import { printJson } from "./run.ts";

/** What {@linkcode finishOutcome} needs to know. */
export interface Outcome<S> {
  plannerBug: Violation[];
  fits: boolean;
  /** `plan` or `placement`. */
  what: string;
  /** The planner, as the bug message names it. */
  who: string;
  output: string;
  capacity?: number;
  arena: number;
  summary: () => S;
  /** Writes the result to `output` (called only when it fits and no bug was found). */
  write: () => Promise<void>;
  json?: boolean;
  table: (summary: S) => string;
}

/**
 * Writes, prints and returns the exit code of a planning or placing outcome.
 *
 * @example
 * ```ts
 * const code = await finishOutcome({
 *   plannerBug: [], fits: true, what: "plan", who: "the x planner", output: "p.json", arena: 8,
 *   summary: () => ({ arena: 8 }), write: () => Promise.resolve(), json: true, table: String,
 * }); // 0, after printing { "arena": 8 }
 * ```
 */
export async function finishOutcome<S>(o: Outcome<S>): Promise<ExitCode> {
  if (o.plannerBug.length) console.error(formatPlannerBug(o.who, o.what, o.plannerBug));
  else {
    if (o.fits) await o.write();
    const summary = o.summary();
    if (o.json) printJson(summary);
    else {
      console.log(o.table(summary));
      if (o.fits) console.log(`wrote ${o.output}`);
      else console.error(notFoundMessage(o.what, o.capacity, o.arena));
    }
  }
  return outcomeExit(o);
}
