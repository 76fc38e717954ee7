/**
 * The `ilp` placer: OLLA's location ILP, started from a greedy placement.
 * When the pairs that conflict in time are few, the whole ILP is solved;
 * otherwise sub-problems free a few dozen buffers (those near the arena's top
 * in time, or the highest ones) with the rest fixed, and every placement that
 * lowers the arena (or the number of buffers reaching it) is kept.
 *
 * @module
 */
import { problemPeakLive } from "../../graph/placement_problem.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { KILL_GRACE, solveModel } from "../highs/solve.ts";
import { placeGreedySize } from "../placers/greedy_size.ts";
import type { PlaceOptions, Placer, PlaceResult, PlannerStatus } from "../types.ts";
import { countConflicts } from "./_conflicts.ts";
import { isValidChange } from "./_valid_change.ts";
import { buildPlacementModel } from "./place_model.ts";

/** Options of {@linkcode placeIlp}. */
export interface IlpPlaceOptions extends PlaceOptions {
  /** A valid placement to improve; default greedy-size's. Never returned worse. */
  start?: Float64Array;
  /** Solve the whole ILP when at most this many pairs conflict in time; default 3000. */
  fullMaxPairs?: number;
  /** Buffers freed in the first sub-problem; default 30. */
  freeBuffers?: number;
  /** Seconds per sub-problem; default 5. */
  subTimeLimit?: number;
  /**
   * Branch-and-bound nodes per sub-problem; default 200. Unlike a time limit
   * it stops HiGHS at the same point on every machine; sub-problems that reach
   * `subTimeLimit` first still make runs differ.
   */
  subNodeLimit?: number;
  /**
   * Sub-problems solved at most; default no limit. With `timeLimit` and
   * `subTimeLimit` at `Infinity`, this and `subNodeLimit` make the result the
   * same on every machine.
   */
  subSolveLimit?: number;
}

/**
 * Improves a placement with the location ILP until `timeLimit` seconds
 * (default 30) have passed or the arena meets the peak-live bound. Status
 * `optimal` when the arena equals that bound or the whole ILP proved it (the
 * bound is then the arena); otherwise the bound is the larger of peak live and
 * HiGHS's dual bound on the whole model (`boundMethod` says which); with
 * a capacity the arena exceeds, `infeasible` when that is proved (bound above
 * the capacity) and `timeout` otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * import { placeGreedySize } from "../placers/greedy_size.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * // never worse than its start, whatever time it had
 * const r = await placeIlp(problem, { timeLimit: 10 });
 * assert.ok(r.arena <= placeGreedySize(problem).arena);
 * ```
 */
export async function placeIlp(
  problem: PlacementProblem,
  options: IlpPlaceOptions = {},
): Promise<PlaceResult> {
  const t0 = performance.now();
  const timeLimit = options.timeLimit ?? 30;
  const remaining = () => timeLimit - (performance.now() - t0) / 1000;
  const bs = problem.buffers;
  const bound = problemPeakLive(problem);
  const capacity = options.capacity ?? problem.capacity;
  const state = new Incumbent(problem, options.start ?? placeGreedySize(problem).offsets);
  const details: Record<string, unknown> = { startArena: state.arena };
  let proved = false;
  // HiGHS's dual bound on the whole model, in bytes, when it gave one.
  let dual = 0;
  const result = (searchEnded: PlannerStatus): PlaceResult => {
    // The dual bound rounded up to whole units proves the arena when it meets it.
    const optimal = proved || state.arena <= Math.max(bound, dual);
    const lower = optimal ? state.arena : Math.max(bound, dual);
    const status: PlannerStatus = capacity !== undefined && state.arena > capacity
      ? (Math.max(bound, dual) > capacity || optimal ? "infeasible" : "timeout")
      : optimal
      ? "optimal"
      : searchEnded;
    return {
      offsets: state.offsets,
      arena: state.arena,
      status,
      seconds: (performance.now() - t0) / 1000,
      bound: lower,
      boundMethod: lower > bound ? "ilp-dual" : "peak-live",
      details: capacity === undefined ? details : { ...details, capacity },
    };
  };
  if (state.arena <= bound) return result("optimal");

  const fullMaxPairs = options.fullMaxPairs ?? 3000;
  const pairs = countConflicts(problem, fullMaxPairs);
  if (pairs <= fullMaxPairs) {
    details.mode = "full";
    const full = buildPlacementModel(problem, { offsets: state.offsets });
    details.pairs = full.pairCount;
    const r = await solveModel(full.model, {
      timeLimit: Math.max(remaining() - KILL_GRACE, 0.05),
      grace: KILL_GRACE,
      mipStart: full.start,
    });
    details.solver = {
      status: r.status,
      objective: r.objective,
      bound: r.bound,
      seconds: r.seconds,
    };
    if (r.values) state.offer(full.decode(r.values));
    proved = r.status === "optimal" && state.arena <= r.objective! * full.unit;
    // The objective counts whole units above the floor: the dual bound rounds
    // up, less a hair for HiGHS's tolerances.
    if (r.bound !== undefined && Number.isFinite(r.bound)) {
      dual = Math.ceil(r.bound - 1e-6 * Math.max(1, Math.abs(r.bound))) * full.unit;
    }
    return result(r.status === "timeout" ? "timeout" : "feasible");
  }

  details.mode = "sub-problems";
  const stats = { solves: 0, improved: 0, proved: 0, unproved: 0 };
  details.subProblems = stats;
  let target = Math.min(options.freeBuffers ?? 30, bs.length);
  const perSolve = options.subTimeLimit ?? 5;
  // A sub-problem is decided by the free set, the floor and the incumbent; a
  // repeat would give the same answer, so only new ones are solved.
  const tried = new Set<string>();
  let repeats = 0;
  const solveLimit = options.subSolveLimit ?? Infinity;
  for (
    let round = 0;
    remaining() > 0.5 && state.arena > bound && stats.solves < solveLimit;
    round++
  ) {
    const band = round % 2 === 1;
    const free = pickFree(problem, state, target, round);
    // Band rounds repack the top of the arena above the lowest freed buffer,
    // which keeps the model's numbers small; time-slice rounds start from 0,
    // where the slice's holes may be.
    const floor = band ? lowestOffset(problem, state.offsets, free) : 0;
    const key = `${floor}:${free.join("")}`;
    if (tried.has(key)) {
      if (++repeats <= 2 * state.atTop.length + 2) continue;
      if (target >= bs.length) break;
      target = Math.min(bs.length, Math.ceil(target * 1.5));
      repeats = 0;
      continue;
    }
    tried.add(key);
    repeats = 0;
    const fixedTop = topOfFixed(problem, state.offsets, free);
    const m = buildPlacementModel(problem, {
      offsets: state.offsets,
      free,
      floor,
      upperBound: state.arena,
      lowerBound: fixedTop < state.arena ? Math.max(bound, fixedTop) : 0,
    });
    const limit = Math.min(perSolve, remaining() - KILL_GRACE);
    if (limit <= 0) break;
    const r = await solveModel(m.model, {
      timeLimit: limit,
      grace: KILL_GRACE,
      mipStart: m.start,
      highsOptions: { mip_max_nodes: options.subNodeLimit ?? 200 },
    });
    stats.solves++;
    if (r.values && state.offer(m.decode(r.values))) {
      stats.improved++;
      tried.clear();
    }
    if (r.status === "optimal") {
      stats.proved++;
      // Proved within the node limit: free more next time. (Growing on the
      // seconds it took would make the search depend on the machine.)
      target = Math.min(bs.length, Math.ceil(target * 1.25));
    } else {
      stats.unproved++;
      target = Math.max(4, Math.floor(target / 1.5));
    }
  }
  details.lastFree = target;
  return result(remaining() > 0.5 ? "feasible" : "timeout");
}

/** The best placement so far, judged by (arena, number of buffers reaching it). */
class Incumbent {
  #problem: PlacementProblem;
  offsets: Float64Array;
  arena = 0;
  /** Buffers whose top is the arena. */
  atTop: number[] = [];

  constructor(problem: PlacementProblem, offsets: Float64Array) {
    this.#problem = problem;
    this.offsets = offsets;
    [this.arena, this.atTop] = topOf(problem, offsets);
  }

  /** Takes `offsets` when they lower the arena or the number of buffers reaching it. */
  offer(offsets: Float64Array): boolean {
    const [arena, atTop] = topOf(this.#problem, offsets);
    if (arena > this.arena || (arena === this.arena && atTop.length >= this.atTop.length)) {
      return false;
    }
    // The model is exact, but offsets near 2^30 units leave HiGHS's tolerances
    // little room; a rounding slip must never be taken.
    if (!isValidChange(this.#problem, this.offsets, offsets)) return false;
    this.offsets = offsets;
    this.arena = arena;
    this.atTop = atTop;
    return true;
  }
}

function topOf(problem: PlacementProblem, offsets: Float64Array): [number, number[]] {
  let arena = 0, atTop: number[] = [];
  problem.buffers.forEach((b, i) => {
    if (b.size === 0) return;
    const top = offsets[i] + b.size;
    if (top > arena) [arena, atTop] = [top, [i]];
    else if (top === arena) atTop.push(i);
  });
  return [arena, atTop];
}

/** The lowest offset of a free buffer: the sub-problem repacks the band above it. */
function lowestOffset(problem: PlacementProblem, offsets: Float64Array, free: Uint8Array): number {
  let low = Infinity;
  problem.buffers.forEach((b, i) => {
    if (b.size > 0 && free[i]) low = Math.min(low, offsets[i]);
  });
  return Number.isFinite(low) ? low : 0;
}

function topOfFixed(problem: PlacementProblem, offsets: Float64Array, free: Uint8Array): number {
  let top = 0;
  problem.buffers.forEach((b, i) => {
    if (b.size > 0 && !free[i]) top = Math.max(top, offsets[i] + b.size);
  });
  return top;
}

/**
 * Even rounds: the `target` buffers nearest in time to the middle of one
 * buffer at the top (taken in turn), so a slice of time is repacked; odd
 * rounds: the `target` highest buffers, so every buffer at the top may move.
 */
function pickFree(
  problem: PlacementProblem,
  state: Incumbent,
  target: number,
  round: number,
): Uint8Array {
  const bs = problem.buffers;
  const ids = [...bs.keys()].filter((i) => bs[i].size > 0);
  let rank: (i: number) => number;
  if (round % 2 === 0) {
    const top = bs[state.atTop[(round >> 1) % state.atTop.length]];
    const t = (top.lower + top.upper - 1) / 2;
    rank = (i) => Math.max(0, bs[i].lower - t, t - (bs[i].upper - 1));
  } else rank = (i) => -(state.offsets[i] + bs[i].size);
  const free = new Uint8Array(bs.length);
  for (const i of ids.sort((x, y) => rank(x) - rank(y) || x - y).slice(0, target)) free[i] = 1;
  for (const i of state.atTop) free[i] = 1;
  return free;
}

/**
 * The `ilp` placer: greedy-size, then the location ILP while time remains.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * const { offsets, arena, status } = await ilpPlacer.place(problem, { timeLimit: Infinity });
 * assert.deepEqual([offsets.length, arena, status], [5, 12, "optimal"]);
 * ```
 */
export const ilpPlacer: Placer = {
  name: "ilp",
  description:
    "OLLA's location ILP (HiGHS) from greedy-size: whole problem when small, else sub-problems",
  place: (problem, options) => placeIlp(problem, options),
};
