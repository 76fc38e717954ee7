/**
 * The anytime stage of `best` on large problems: repack the best greedy
 * placement at its peak until the deadline, unless it already meets what was
 * asked (the bound; or the capacity, when not minimising).
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";
import { bufferCount } from "../../graph/problem_columns.ts";
import { repackPeak } from "./repack_peak.ts";

/** Milliseconds a buffer of setting up the repacking and its first round (measured, with room). */
const SETUP_MS_PER_BUFFER = 3e-4;

/** Rounds in a row without gain after which a run with no deadline stops. */
const UNLIMITED_STALL_ROUNDS = 300;

/** What {@linkcode improveLarge} returns: the placement, and what to report of it. */
export interface ImprovedLarge {
  offsets: Float64Array;
  arena: number;
  /** Rounds, kept rounds and the arena before, when the stage ran. */
  details?: { rounds: number; kept: number; startArena: number };
  /** "stopped at the time limit" when the deadline ended it. */
  note?: string;
}

/**
 * Improves `start` until `deadline` (a `performance.now()` time); never
 * returns a higher placement than `start`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { improveLarge } from "./improve_large.ts";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 1, size: 4 }] };
 * const start = { offsets: Float64Array.from([4]), arena: 8 };
 * const r = improveLarge(problem, start, { bound: 4, deadline: 0 }); // no time at all
 * assert.deepEqual([r.arena, r.note], [8, "stopped at the time limit"]);
 * ```
 */
export function improveLarge(
  problem: PlacementProblem,
  start: { offsets: Float64Array; arena: number },
  options: {
    bound: number;
    capacity?: number;
    minimize?: boolean;
    deadline: number;
    seed?: number;
  },
): ImprovedLarge {
  const { bound, capacity, minimize, deadline } = options;
  const goal = capacity !== undefined && !minimize ? Math.max(bound, capacity) : bound;
  if (start.arena <= goal) return start;
  // Setting up the repacking and its first round cost 0.2–0.3 s at a million
  // buffers: none of it when too little is left of the time (a short limit
  // on a large problem), or the answer would come that much late.
  if (performance.now() + SETUP_MS_PER_BUFFER * bufferCount(problem) >= deadline) {
    return { ...start, note: "stopped at the time limit" };
  }
  // Without a deadline only a stall can end it short of the goal: stop once
  // many rounds in a row gain nothing rather than run forever.
  const stallRounds = Number.isFinite(deadline) ? undefined : UNLIMITED_STALL_ROUNDS;
  const r = repackPeak(problem, start.offsets, {
    deadline,
    bound,
    goal,
    seed: options.seed,
    stallRounds,
  });
  return {
    offsets: r.offsets,
    arena: r.arena,
    details: { rounds: r.rounds, kept: r.kept, startArena: start.arena },
    ...(r.stoppedAtDeadline ? { note: "stopped at the time limit" } : {}),
  };
}
