/**
 * The `search` placer: exact branch and bound over canonical placements, for
 * capacities that only a (nearly) fragmentation-free placement meets.
 *
 * With a capacity it answers whether the buffers fit: first the peak-live
 * check (a capacity below it is refused at once), then one search run per
 * independent part (most easy problems end here), then greedy-size (kept if
 * it fits), then the search's restarts over each part not settled yet. Without one — or with
 * `minimize` — it searches for the lowest capacity (see minimize_search.ts).
 *
 * @module
 */
import { placementArena, problemPeakLive } from "../../graph/placement_problem.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { greedyStart } from "./_greedy_start.ts";
import type { PlaceOptions, Placer, PlaceResult } from "../types.ts";
import { alignedPeak } from "./_aligned_peak.ts";
import { completeOnTop } from "./_complete_on_top.ts";
import { PartSolutions } from "./_part_solutions.ts";
import { DEFAULT_TIME_LIMIT, minimizeSearch } from "./minimize_search.ts";

/**
 * Above this many buffers the greedy start (`_greedy_start.ts`) comes before
 * any search: a search node costs time linear in the part's size, so even one
 * run of a large part can cost more than the greedy, which settles loose
 * capacities at once.
 */
const FIRST_RUNS_FIRST_MAX_BUFFERS = 5000;

/** Options of {@linkcode placeSearch}. */
export interface SearchPlaceOptions extends PlaceOptions {
  /** Search for the lowest capacity that fits (up to `capacity`, when given). */
  minimize?: boolean;
  /** Search nodes between two looks at the clock; default depends on the part size. */
  checkEvery?: number;
}

/**
 * Places the buffers within the capacity (`options.capacity`, else
 * `problem.capacity`) by exact search, or minimises the arena when there is
 * none or `minimize` is set. `timeLimit` is in seconds (default
 * {@linkcode DEFAULT_TIME_LIMIT}). Statuses: `optimal` (arena = peak-live
 * bound), `feasible` (fits), `infeasible` (proved not to fit: offsets are
 * greedy-size's, over the capacity), `timeout` (no fit found in time: offsets
 * are the deepest partial placement with the rest greedily on top, over the
 * capacity; `details.overCapacity` and `details.note` say by how much). The
 * bound is peak live, raised for alignment (see _aligned_peak.ts). The search
 * is deterministic: `seed` changes nothing.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const p = await loadMinimallocCsv("testdata/minimalloc/challenging-A.1048576.csv");
 * const r = placeSearch(p, { capacity: 1048576, timeLimit: Infinity });
 * assert.deepEqual([r.status, r.arena], ["optimal", 1048576]); // arena = peak live
 * ```
 */
export function placeSearch(
  problem: PlacementProblem,
  options: SearchPlaceOptions = {},
): PlaceResult {
  const capacity = options.capacity ?? problem.capacity;
  const secondCore = (options.threads ?? 2) >= 2;
  if (options.minimize || capacity === undefined) {
    return minimizeSearch(problem, {
      timeLimit: options.timeLimit,
      capacity,
      checkEvery: options.checkEvery,
      secondCore,
    });
  }
  const t0 = performance.now();
  const deadline = t0 + (options.timeLimit ?? DEFAULT_TIME_LIMIT) * 1000;
  const live = problemPeakLive(problem);
  const aligned = (problem.alignment ?? 1) === 1 ? live : alignedPeak(problem);
  const peak = Math.max(live, aligned);
  // Greedy-size is computed only when needed: its placement when the search
  // refutes the capacity, and as a shortcut when the first runs do not settle.
  let greedy: ReturnType<typeof greedyStart> | undefined;
  const greedyOf = () => greedy ??= greedyStart(problem, deadline);
  const result = (
    offsets: Float64Array,
    status: PlaceResult["status"],
    details: Record<string, unknown>,
  ): PlaceResult => ({
    offsets,
    arena: placementArena(problem, offsets),
    status,
    seconds: (performance.now() - t0) / 1000,
    bound: peak,
    boundMethod: aligned > live ? "aligned-peak" : "peak-live",
    details: {
      capacity,
      ...(greedy === undefined ? {} : { greedyArena: greedy.arena }),
      ...details,
    },
  });
  if (peak > capacity) {
    return result(greedyOf().offsets, "infeasible", {
      method: "peak-live check",
      proved: true,
      overCapacity: greedyOf().arena - capacity,
    });
  }
  const parts = new PartSolutions(problem, {
    checkEvery: options.checkEvery,
    secondCore,
  });
  // The first run of each part settles most easy problems in about one node
  // per buffer, less than greedy-size takes; greedy comes only when it does not.
  const small = problem.buffers.length <= FIRST_RUNS_FIRST_MAX_BUFFERS;
  let r = small ? parts.tryFirstRuns(capacity, deadline, 1) : undefined;
  if (r === undefined) {
    // At the bound greedy fits only where it is optimal, and it never did
    // after failed first runs (none of the 325 development problems that got
    // there, of 772 in nine families): there it costs 0.2–1 ms, 4–6% of a
    // search settled by a later run, and is made only if its placement is owed.
    if ((!small || capacity > peak) && greedyOf().arena <= capacity) {
      return result(greedyOf().offsets, greedyOf().arena === peak ? "optimal" : "feasible", {
        method: greedyOf().placer,
      });
    }
    if (!small && performance.now() >= deadline) {
      // Setting up a search of tens of thousands of buffers costs tenths of a
      // second: none is begun once the greedy start has used the time.
      return result(greedyOf().offsets, "timeout", {
        method: greedyOf().placer,
        overCapacity: greedyOf().arena - capacity,
        note: `time ran out before the search began; the greedy placement exceeds the ` +
          `capacity by ${greedyOf().arena - capacity}`,
      });
    }
    r = parts.solve(capacity, deadline);
  }
  const details = { method: "search", parts: parts.count, nodes: r.nodes };
  if (r.outcome === "found") {
    const arena = placementArena(problem, r.offsets!);
    return result(r.offsets!, arena === peak ? "optimal" : "feasible", details);
  }
  if (r.outcome === "infeasible") {
    return result(greedyOf().offsets, "infeasible", {
      ...details,
      proved: true,
      overCapacity: greedyOf().arena - capacity,
    });
  }
  const offsets = completeOnTop(problem, r.offsets!);
  const arena = placementArena(problem, offsets);
  const placed = problem.buffers.filter((b, i) => b.size > 0 && !Number.isNaN(r.offsets![i]));
  const positive = problem.buffers.filter((b) => b.size > 0).length;
  return result(offsets, arena <= capacity ? "feasible" : "timeout", {
    ...details,
    overCapacity: Math.max(0, arena - capacity),
    note: `time ran out with ${placed.length} of ${positive} buffers placed within the ` +
      `capacity; the rest were placed greedily on top` +
      (arena > capacity ? `, so the arena exceeds the capacity by ${arena - capacity}` : ""),
  });
}

/**
 * The `search` placer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/challenging-B.1048576.csv");
 * const { offsets, status } = await searchPlacer.place(problem, {
 *   capacity: 1048576, timeLimit: Infinity,
 * });
 * assert.equal(offsets.length, problem.buffers.length);
 * assert.equal(status, "optimal");
 * ```
 */
export const searchPlacer: Placer = {
  name: "search",
  description:
    "exact branch and bound over canonical placements (MiniMalloc-style); minimises without a capacity",
  place: (problem, options) => Promise.resolve(placeSearch(problem, options)),
};
