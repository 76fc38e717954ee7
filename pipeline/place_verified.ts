/**
 * The placing workflow: place a fixed-lifetime buffer problem, check the
 * placement with the verifier (which shares no code with the placers), split
 * placer bugs from the outcome and measure it against peak live.
 *
 * @module
 */
import type { PlacementProblem } from "../graph/types.ts";
import { type PlacementReport, verifyPlacement } from "../simulator/verify_placement.ts";
import type { Violation } from "../simulator/violations.ts";
import { getPlacer } from "../solver/placer_registry.ts";
import type { Placer, PlaceResult } from "../solver/types.ts";
import { plannerBugs } from "./planner_bug.ts";

/** Default seconds of a placement. */
export const PLACE_SECONDS = 30;

/** Options of {@linkcode placeVerified}. */
export interface PlaceVerifiedOptions {
  /** Registered placer name, or a placer; default `best`. */
  placer?: string | Placer;
  /** Every offset + size must fit under it; default the problem's. */
  capacity?: number;
  /** Seconds; default 30. */
  timeLimit?: number;
  seed?: number;
  /** Search for the lowest arena even below the capacity. */
  minimize?: boolean;
  /** Threads the placer may use, 1 or 2 (default 2; see `PlaceOptions.threads`). */
  threads?: number;
}

/** A placement, the verifier's verdict and how far it is from peak live. */
export interface PlaceVerified {
  offsets: Float64Array;
  /** What the placer returned (status, its own seconds, details). */
  result: PlaceResult;
  check: PlacementReport;
  /** The capacity asked for, if any. */
  capacity?: number;
  /** The arena is within the capacity (true without one). */
  fits: boolean;
  /** Violations that are the placer's fault (all but `out_of_capacity`), the first ones. */
  plannerBug: Violation[];
  /** How many violations are the placer's fault. */
  plannerBugCount: number;
  /** Peak live: no placement has a smaller arena. */
  bound: { bytes: number; kind: "peak-live" };
  /** `(arena − peak live) / arena`. */
  gap: number;
  /** Wall-clock seconds of the placer. */
  seconds: number;
  verifySeconds: number;
}

/**
 * Places `problem`, verifies the placement and bounds it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { placeVerified } from "./place_verified.ts";
 * const problem = { buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 },
 *   { id: "b", lower: 1, upper: 3, size: 4 },
 * ] };
 * const r = await placeVerified(problem, { placer: "greedy-size", capacity: 8 });
 * assert.ok(r.fits && r.plannerBug.length === 0);
 * assert.equal(r.check.arena, 8);
 * ```
 */
export async function placeVerified(
  problem: PlacementProblem,
  options: PlaceVerifiedOptions = {},
): Promise<PlaceVerified> {
  const placer = typeof options.placer === "object"
    ? options.placer
    : getPlacer(options.placer ?? "best");
  const capacity = options.capacity;
  const withCapacity = capacity !== undefined ? { capacity } : {};
  const t0 = performance.now();
  const result = await placer.place(problem, {
    timeLimit: options.timeLimit ?? PLACE_SECONDS,
    seed: options.seed,
    minimize: options.minimize,
    ...(options.threads === undefined ? {} : { threads: options.threads }),
    ...withCapacity,
  });
  const t1 = performance.now();
  const check = verifyPlacement(problem, result.offsets, withCapacity);
  const t2 = performance.now();
  return {
    offsets: result.offsets,
    result,
    check,
    ...withCapacity,
    fits: capacity === undefined || check.arena <= capacity,
    plannerBug: plannerBugs(check.violations),
    plannerBugCount: check.violationCount - (check.violationsByKind.out_of_capacity ?? 0),
    bound: { bytes: check.peakLive, kind: "peak-live" },
    gap: check.arena ? (check.arena - check.peakLive) / check.arena : 0,
    seconds: (t1 - t0) / 1000,
    verifySeconds: (t2 - t1) / 1000,
  };
}
