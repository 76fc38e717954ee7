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
import { STDOUT } from "../graph/write_output.ts";

/** What {@linkcode finishOutcome} needs to know. */
export interface Outcome<S> {
  plannerBug: Violation[];
  fits: boolean;
  /** `plan` or `placement`. */
  what: string;
  /** The planner, as the bug message names it. */
  who: string;
  /**
   * Where the result goes: a file, `-` (standard output, the summary then
   * going to standard error), or undefined (the summary only, nothing written).
   */
  output?: string;
  capacity?: number;
  arena: number;
  /** A proved lower bound on the arena: a capacity below it is impossible, not a miss in time. */
  lowerBound?: number;
  /** A line said before the summary (e.g. where the capacity came from). */
  note?: string;
  summary: () => S;
  /** Writes the result to `output` (called only when it fits, no bug was found and there is an output). */
  write: () => Promise<void>;
  json?: boolean;
  /** The summary as text; may be loaded when asked for (a JSON run never needs the tables). */
  table: (summary: S) => string | Promise<string>;
}

/**
 * Writes, prints and returns the exit code of a planning or placing outcome.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * let written = false;
 * const code = await finishOutcome({
 *   plannerBug: [], fits: true, what: "plan", who: "the x planner", output: "p.json", arena: 8,
 *   summary: () => ({ arena: 8 }), write: () => Promise.resolve(void (written = true)), json: true,
 *   table: String,
 * }); // prints { "arena": 8 }
 * assert.deepEqual([code, written], [0, true]);
 * ```
 */
export async function finishOutcome<S>(o: Outcome<S>): Promise<ExitCode> {
  if (o.plannerBug.length) console.error(formatPlannerBug(o.who, o.what, o.plannerBug));
  else {
    const written = o.fits && o.output !== undefined;
    if (written) await o.write();
    const summary = o.summary();
    const say = o.output === STDOUT ? console.error : console.log;
    if (o.json) say(JSON.stringify(summary, null, 2));
    else {
      if (o.note) say(o.note);
      say(await o.table(summary));
      if (written && o.output !== STDOUT) say(`wrote ${o.output}`);
      if (!o.fits) console.error(notFoundMessage(o.what, o.capacity, o.arena, o.lowerBound));
    }
  }
  return outcomeExit(o);
}
