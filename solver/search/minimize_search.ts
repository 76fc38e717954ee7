/**
 * The lowest capacity a problem fits in, by exact search: probes capacities
 * between the peak-live bound and the best arena found, each probe a complete
 * search, until a probe at the bound succeeds or the capacity just below the
 * best arena is proved infeasible. Only heights an optimal arena can take
 * (sums of sizes, see reachable_heights.ts) are probed, so refuting one
 * proves the bound up to the next; `boundMethod` says what proved the bound.
 *
 * Under a time limit the probes take turns in slices of time: the bound
 * (where most problems' optimum is, and the only probe that can prove one
 * optimal without refuting anything) gets as much time as a descent that
 * bisects between it and the best arena. A probe that runs out of its slice
 * is resumed where it stopped at its next turn, so the bound's search goes on
 * across turns instead of starting over.
 *
 * @module
 */
import { placementArena, problemPeakLive } from "../../graph/placement_problem.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { greedyStart } from "./_greedy_start.ts";
import type { BoundMethod, PlaceResult } from "../types.ts";
import { alignedPeak } from "./_aligned_peak.ts";
import { completeOnTop } from "./_complete_on_top.ts";
import { PartSolutions } from "./_part_solutions.ts";
import { reachableHeights } from "./reachable_heights.ts";
import { subsetBound } from "./subset_bound.ts";

/** Seconds the search placer may use when no `timeLimit` is given. */
export const DEFAULT_TIME_LIMIT = 10;

/** Options of {@linkcode minimizeSearch}. */
export interface MinimizeSearchOptions {
  /** Wall-clock seconds; default {@linkcode DEFAULT_TIME_LIMIT}. */
  timeLimit?: number;
  /** Only capacities up to this count (overrides `problem.capacity`). */
  capacity?: number;
  /** Search nodes between two looks at the clock; default depends on the part size. */
  checkEvery?: number;
  /** Also prove bounds on subsets of the buffers (subset_bound.ts); default true. */
  subsets?: boolean;
  /** Let a part that takes long be searched on a second core too (_second_core.ts); default true. */
  secondCore?: boolean;
}

/** The first slice of a probe (doubled at every sweep of the descent), as a share of the time limit. */
const FIRST_SLICE = 1 / 40;
/** At least this many milliseconds. */
const MIN_SLICE_MS = 20;

/** One capacity tried, for the details of the result. */
interface Probe {
  capacity: number;
  outcome: "found" | "infeasible" | "timeout";
  seconds: number;
}

/**
 * Searches for the placement with the lowest arena, starting from the
 * greedy-size arena. Status `optimal` when the arena equals the peak-live bound
 * or every lower capacity was proved infeasible (`bound` then equals the
 * arena); `timeout` with the best placement found when time ran out first.
 * With a capacity: `infeasible` when proved not to fit (offsets: greedy's),
 * `timeout` when no fit was found in time (offsets: the deepest partial
 * placement with the rest greedily on top, over the capacity).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const p = await loadMinimallocCsv("testdata/minimalloc/challenging-C.1048576.csv");
 * const r = minimizeSearch({ buffers: p.buffers }, { timeLimit: Infinity });
 * assert.equal(r.arena, 1039360);
 * assert.equal(r.status, "optimal");
 * ```
 */
export function minimizeSearch(
  problem: PlacementProblem,
  options: MinimizeSearchOptions = {},
): PlaceResult {
  const t0 = performance.now();
  const deadline = t0 + (options.timeLimit ?? DEFAULT_TIME_LIMIT) * 1000;
  const capacity = options.capacity ?? problem.capacity;
  const live = problemPeakLive(problem), aligned = alignedPeak(problem);
  const peak = Math.max(live, aligned);
  const greedy = greedyStart(problem, deadline);
  let best = greedy.offsets, hi = greedy.arena;
  // Only heights some placement's arena can equal are probed or proved.
  const heights = reachableHeights(problem, hi);
  let proved = heights.atLeast(peak); // every capacity below it is infeasible
  let method: BoundMethod = proved > peak
    ? "reachable-height"
    : aligned > live
    ? "aligned-peak"
    : "peak-live";
  let partial: Float64Array | undefined; // deepest attempt at `capacity`, before any fit
  const probes: Probe[] = [];
  let nodes = 0;
  const parts = new PartSolutions(problem, {
    checkEvery: options.checkEvery,
    secondCore: options.secondCore ?? true,
  });
  // Only capacities below `limit` are worth a probe.
  const limit = (): number => capacity === undefined ? hi : Math.min(hi, capacity + 1);
  // Time goes by turns to the bound (the lowest height not refuted: on most
  // problems the optimum, so the only probe that can end the search) and to a
  // descent that bisects between it and the best arena. Each turn has a slice
  // of time; the descent's timed-out probes move its floor up, and when the
  // floor meets the best arena the slice doubles and the descent starts over.
  // The bound gets as much time as the descent. Probes are resumed where they
  // stopped (PartSolutions keeps them), so short slices lose no work.
  let slice = Math.max(MIN_SLICE_MS, (deadline - t0) * FIRST_SLICE);
  let boundMs = 0, descentMs = 0, floor = proved;
  let subsetsTried = options.subsets === false, subsetSize = 0;
  while (proved < limit() && performance.now() < deadline) {
    // The descent starts just above the bound, and starts over, with twice the
    // slice, once it has swept up to the best arena.
    const lowest = heights.atLeast(proved + 1);
    if (floor < lowest) floor = lowest;
    if (floor >= limit()) {
      floor = lowest;
      slice *= 2;
    }
    const now = performance.now();
    let target: number, end: number;
    const onlyBound = floor >= limit();
    const boundTurn = onlyBound || boundMs <= descentMs;
    if (capacity !== undefined && hi > capacity) {
      // No fit within the capacity yet: nothing else is worth the time.
      target = capacity;
      end = deadline;
    } else {
      target = boundTurn ? proved : Math.max(
        floor,
        heights.atMost(floor + Math.floor((limit() - 1 - floor) / 2)),
      );
      end = onlyBound ? deadline : Math.min(deadline, now + slice);
    }
    const r = parts.solve(target, end);
    const spent = performance.now() - now;
    if (target === proved) boundMs += spent;
    else descentMs += spent;
    nodes += r.nodes;
    probes.push({ capacity: target, outcome: r.outcome, seconds: spent / 1000 });
    if (r.outcome === "found") {
      best = r.offsets!;
      hi = placementArena(problem, best);
    } else if (r.outcome === "infeasible") {
      const next = heights.atLeast(target + 1);
      if (next > proved) {
        proved = next;
        method = "refuted-heights";
      }
    } else {
      if (capacity !== undefined && target === capacity) partial = r.offsets;
      // The deepest attempt, completed on top, may still beat the best so far.
      const completed = completeOnTop(problem, r.offsets!);
      const arena = placementArena(problem, completed);
      if (arena < hi && (capacity === undefined || arena <= capacity)) {
        best = completed;
        hi = arena;
      }
      if (target !== proved) floor = heights.atLeast(target + 1);
    }
    if (!subsetsTried && r.outcome !== "found") {
      // The whole problem did not fit at its bound: a small subset may
      // prove more, and quickly (a quarter of the time left at most).
      subsetsTried = true;
      const start = performance.now();
      const sb = subsetBound(
        problem,
        proved,
        start + (deadline - start) * 0.25,
        (sub, end) =>
          minimizeSearch(sub, {
            timeLimit: Math.max(0, (end - performance.now()) / 1000),
            checkEvery: options.checkEvery,
            subsets: false,
          }).bound ?? 0,
      );
      const next = heights.atLeast(sb.bound);
      if (next > proved) {
        proved = next;
        method = "refuted-subset";
        subsetSize = sb.subset.length;
      }
    }
  }
  const seconds = (performance.now() - t0) / 1000;
  const details = {
    method: "minimize",
    parts: parts.count,
    nodes,
    greedyArena: greedy.arena,
    probes,
    ...(subsetSize ? { subset: subsetSize } : {}),
    ...(capacity === undefined ? {} : { capacity }),
  };
  if (capacity !== undefined && hi > capacity) {
    const infeasible = proved > capacity;
    const offsets = infeasible || partial === undefined ? best : completeOnTop(problem, partial);
    return {
      offsets,
      arena: placementArena(problem, offsets),
      status: infeasible ? "infeasible" : "timeout",
      seconds,
      bound: proved,
      boundMethod: method,
      details: { ...details, proved: infeasible },
    };
  }
  const optimal = proved >= hi;
  return {
    offsets: best,
    arena: hi,
    status: optimal ? "optimal" : "timeout",
    seconds,
    bound: optimal ? hi : proved,
    boundMethod: method,
    details: { ...details, proved: optimal },
  };
}
