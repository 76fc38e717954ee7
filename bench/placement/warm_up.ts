/**
 * Warming the search up before a benchmark's first reported instance. The
 * first search of a process runs mostly in V8's interpreter while its hot
 * functions get compiled (tens of milliseconds on problems that take one or
 * two once compiled); MiniMalloc is compiled ahead of time, and a library user
 * in a long-lived process sees the compiled times. So the benchmarks search a
 * few generated problems (seeds far from every reporting and development
 * range, never reported) first, and say so; `--warm-up 0` shows the cold
 * first instance instead.
 *
 * @module
 */
import { problemPeakLive } from "../../graph/placement_problem.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { placeSearch } from "../../solver/search/search_placer.ts";
import { gadgetInstance } from "../generators/gadget.ts";
import { trainingInstance } from "../generators/large.ts";
import { mixedInstance, skylineInstance } from "../generators/shapes.ts";
import { tightInstance } from "../generators/tight.ts";

/** Seeds of the warm-up problems: far from the reporting (1–200) and development (5001–) ranges. */
const FIRST_SEED = 1_000_001;

/** One warm-up problem: where to search it, and for how long at most (seconds). */
interface WarmUpProblem {
  problem: PlacementProblem;
  capacity: number;
  timeLimit?: number;
}

/**
 * The kinds of warm-up problem, taken in turn: short and long lifespans, so
 * that every path of the search is compiled (a path first met after warm-up
 * costs a de-optimisation and a recompilation). The last is a gadget problem
 * at its peak live, below its optimum: its first run cannot settle it, so the
 * restarts' paths (greedy-size in between, mirrors, randomised orders, the
 * release checks) run too; briefly, since it is not meant to finish. Without
 * it the first reported instance that needed a restart took 70-90 ms where
 * later ones like it took 20 (tight seed 5152).
 */
const KINDS: ((seed: number) => WarmUpProblem)[] = [
  (seed) => tightInstance({ seed, buffers: 200 }),
  (seed) => {
    const problem = trainingInstance({ tensors: 150, seed });
    return { problem, capacity: problemPeakLive(problem) };
  },
  (seed) => skylineInstance({ seed, buffers: 200 }),
  (seed) => mixedInstance({ seed, buffers: 200 }),
  (seed) => {
    const { problem } = gadgetInstance({ seed, buffers: 200 });
    return { problem, capacity: problemPeakLive(problem), timeLimit: 0.05 };
  },
];

/**
 * Searches `count` generated problems of about 200 buffers (`tight`,
 * training-graph lifetimes, `skyline`, `mixed`, `gadget` in turn; at most `timeLimit`
 * seconds each) and returns the seconds it took.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(warmUpSearch(0), 0);
 * assert.ok(warmUpSearch(1, 0.05) > 0);
 * ```
 */
export function warmUpSearch(count: number, timeLimit = 0.5): number {
  if (count <= 0) return 0;
  const t0 = performance.now();
  for (let k = 0; k < count; k++) {
    const w = KINDS[k % KINDS.length](FIRST_SEED + k);
    placeSearch(w.problem, {
      capacity: w.capacity,
      timeLimit: Math.min(timeLimit, w.timeLimit ?? Infinity),
    });
  }
  return (performance.now() - t0) / 1000;
}

/**
 * The line a benchmark prints about its warm-up.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(warmUpNote(0, 0), /cold/);
 * assert.match(warmUpNote(3, 0.2), /3 generated problems/);
 * ```
 */
export function warmUpNote(count: number, seconds: number): string {
  return count <= 0
    ? "no warm-up: the first instance's time includes compiling the search (cold start)"
    : `search warmed up on ${count} generated problems (${seconds.toFixed(2)} s, not reported) ` +
      "before the first instance; --warm-up 0 for cold times";
}
