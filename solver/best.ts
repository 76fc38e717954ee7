/**
 * The `best` placer: the registry's linear placers first, then the exact
 * search and the ILP while time remains (above 5,000 buffers, the repacking
 * instead). The registry hands it its list of linear placers, so it never
 * imports the registry (no import cycle) and a placer registered as linear
 * joins them. The `best` scheduler is in best_scheduler.ts: placing needs no
 * scheduler, and theirs load the graph validation.
 *
 * @module
 */
import { problemPeakLive } from "../graph/placement_problem.ts";
import { bufferCount } from "../graph/problem_columns.ts";
import type { PlacementProblem } from "../graph/types.ts";
import { PlacementDeadline } from "./placers/_place_in_order.ts";
import type { GreedyPlaceOptions } from "./placers/_place_result.ts";
import { placeIlp } from "./ilp/place_ilp.ts";
import { placeSearch } from "./search/search_placer.ts";
import { improveLarge } from "./improve/improve_large.ts";
import { skeletonStart } from "./improve/skeleton_start.ts";
import type { PlaceOptions, Placer, PlaceResult, PlannerStatus } from "./types.ts";

/** Options of {@linkcode placeBest}. */
export interface BestPlaceOptions extends PlaceOptions {
  /** The fast placers to start from, in order (the first wins ties); the registry's linear ones. */
  start: readonly Placer[];
}

/**
 * How much longer than first-fit each greedy placer takes, with twice the
 * room measured on 60,000 buffers (greedy-size 10×, greedy-conflicts 6×,
 * greedy-area 13×); 26 for any other. The ratios grow with the size, by
 * `COST_GROWTH`.
 */
const COST_VS_FIRST_FIT: Record<string, number> = {
  "greedy-size": 20,
  "greedy-conflicts": 12,
  "greedy-area": 26,
};

/**
 * Above 60,000 buffers the ratios grow as (n / 60,000) to these powers. At
 * 200,000 and 1,000,000 buffers (`llm`, `compiler`, `training` generators)
 * greedy-size took 29–37× and 61–115× first-fit's time, greedy-area 34–43×
 * and 69–90×, greedy-conflicts 9–15× and 12–17×; the powers keep the room of
 * the constants (size 49× and 166×, area 57× and 161×, conflicts 17× and
 * 28×). With the constants alone, a 10 s limit on a million `llm` buffers
 * went to greedy-size, which was still running at the deadline (35 s), and
 * left nothing to the placer that finishes in 7 s at 1.00002 of peak live.
 */
const COST_GROWTH: Record<string, number> = {
  "greedy-size": 0.75,
  "greedy-conflicts": 0.3,
  "greedy-area": 0.65,
};

/**
 * The estimated time of start placer `name` on `n` buffers, as a multiple of
 * first-fit's.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { costVsFirstFit } from "./best.ts";
 * assert.equal(costVsFirstFit("greedy-size", 20000), 20);
 * assert.ok(costVsFirstFit("greedy-size", 1e6) > 100);
 * assert.ok(costVsFirstFit("greedy-conflicts", 1e6) < costVsFirstFit("greedy-area", 1e6));
 * ```
 */
export function costVsFirstFit(name: string, n: number): number {
  const base = COST_VS_FIRST_FIT[name] ?? 26;
  return base * Math.max(1, n / 60000) ** (COST_GROWTH[name] ?? 0.75);
}

/**
 * Share of the time left that an anytime start placer (the skyline) may
 * take: on problems where it does not finish, the repacking keeps the rest.
 */
export const ANYTIME_SHARE = 0.25;

/**
 * No anytime start placer runs once a start is this close to the bound (a
 * share of it): it could gain no more than that, and the repacking closes
 * such gaps in seconds (`llm` at 60,000 and 1,000,000 buffers reached peak
 * live in 4.8 and 11 s without the skyline, 17 and 20 s after its quarter).
 */
const ANYTIME_SKIP_GAP = 0.001;

/**
 * An anytime start placer runs only with a share of at least this many times
 * the first start's time: its set-up (orders, trees) is not cut short, and a
 * million buffers at a 1 s limit must not wait for it. Not more: even a
 * descent cut short by a 1 s limit helps on 20,000 `tight` buffers (1.15 of
 * peak live, against 1.42 when 20 kept the skyline out), while on `training`
 * the quarter it takes is within the repacking's run-to-run spread
 * (1.00019–1.00074 at 1 s, with or without it).
 */
const ANYTIME_MIN_VS_FIRST_FIT = 5;

/**
 * Share of the time left after the plain start placers that the skeleton
 * start (improve/skeleton_start.ts) may take on a large problem, before the
 * skyline's, and how many times the first start's seconds that share must
 * hold for it to be tried. Its first skeleton (a thousand buffers searched,
 * the rest placed around them) took 0.1–0.5 s at 20,000–60,000 buffers, 3–10
 * first fits once compiled (the first fit is timed on its first call, 2–3
 * times slower). It stops at its deadline whatever it reached and is kept
 * only when lower. With 15% of what the skyline left and 20 first fits, it
 * needed a 10 s limit on this machine: the fenced `compiler` 60,000 (seed
 * 101) stayed 4.8–5.2% above peak live at 5 and 10 s. As here it ends 0.04%
 * above at 10 s, and 0.04–0.08% at 5 s (3 of 3 runs; 1 of 2 with 15%).
 */
const SKELETON_SHARE = 0.25, SKELETON_MIN_VS_FIRST_FIT = 5;

/**
 * Seconds the skeleton start's share must hold whatever the first fit took:
 * its first skeleton's search costs about the same on 20,000 buffers as on
 * 60,000 (0.1–0.5 s). With 5 first fits alone it was tried at a 1 s limit on
 * 20,000 `tight` and `random` buffers (development seeds 102–104), taking a
 * quarter of the time from the skyline: tight 103 ended 1.431 of peak live
 * instead of 1.235.
 */
const SKELETON_MIN_SECONDS = 0.5;

/**
 * How far above peak live the best start must be for the skeleton start to
 * be tried. Below, the repacking closes the rest: on `compiler` 60,000
 * (development seeds 101–110) the skeleton won only where the starts were
 * 5.2% above (seed 101, a fenced stack); tried on starts 0.04–0.5% above, it
 * never won and its share of a 5 s limit cost up to 0.05% at the end
 * (seed 107: 1.00226 → 1.00276).
 */
const SKELETON_MIN_GAP = 0.01;

/** Above this many buffers `best` stops after its start placers. */
export const EXACT_MAX_BUFFERS = 5000;

/**
 * The start stage of `best` within its time limit: the first start placer —
 * above EXACT_MAX_BUFFERS first-fit, a sweep and the cheapest — runs first and
 * always (a placement is owed); each other start placer (above
 * EXACT_MAX_BUFFERS the cheapest first) only when its estimated cost
 * ({@linkcode costVsFirstFit}) still fits, and with a deadline at the limit,
 * past which it throws PlacementDeadline and is skipped. Anytime placers
 * (`Placer.anytime`: the skyline) come last, each with a deadline
 * {@linkcode ANYTIME_SHARE} of the time left; a start of another kind
 * (`limits.beforeAnytime`: `best`'s skeleton start) comes between the two.
 * Stops at the bound. Ties go to the earlier placer of `start`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { startWithin } from "./best.ts";
 * import { firstFitPlacer } from "./placers/first_fit.ts";
 * import { greedySizePlacer } from "./placers/greedy_size.ts";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 1, size: 4 }] };
 * const r = await startWithin(problem, [greedySizePlacer, firstFitPlacer], {}, {
 *   bound: 3, t0: performance.now(), timeLimit: 0,
 * });
 * assert.equal(r.name, "greedy-size"); // nothing else had time
 * assert.deepEqual(r.skipped, ["first-fit"]);
 * ```
 */
export async function startWithin(
  problem: PlacementProblem,
  start: readonly Placer[],
  options: PlaceOptions,
  limits: {
    bound: number;
    t0: number;
    timeLimit: number;
    /**
     * Called after the plain start placers, before the anytime ones, with the
     * best start so far and the first one's seconds: a start of another kind
     * it returns (by its own name) competes with theirs.
     */
    beforeAnytime?: (
      best: { name: string; result: PlaceResult },
      firstSeconds: number,
    ) => { name: string; result: PlaceResult } | undefined;
  },
): Promise<
  {
    name: string;
    result: PlaceResult;
    /** Arenas of the start placers that ran (not of a `beforeAnytime` start). */
    arenas: Record<string, number>;
    skipped: string[];
  }
> {
  const { bound, t0, timeLimit } = limits;
  const seconds = () => (performance.now() - t0) / 1000;
  // Small problems take milliseconds whatever the placer: the given order.
  const plain = start.filter((p) => !p.anytime);
  const cheapest = bufferCount(problem) > EXACT_MAX_BUFFERS
    ? plain.find((p) => p.name === "first-fit") ?? plain[0] ?? start[0]
    : plain[0] ?? start[0];
  const before = seconds();
  const results = new Map<string, PlaceResult>([[
    cheapest.name,
    await cheapest.place(problem, options),
  ]]);
  const cost = seconds() - before;
  const skipped: string[] = [];
  const withDeadline: GreedyPlaceOptions = { ...options, deadline: t0 + timeLimit * 1000 };
  const n = bufferCount(problem);
  // On large problems the cheapest first: a dear one run first can take the
  // whole limit and still not finish.
  const byCost = n > EXACT_MAX_BUFFERS
    ? [...start].sort((a, b) => costVsFirstFit(a.name, n) - costVsFirstFit(b.name, n))
    : start;
  const atBound = () => [...results.values()].some((r) => r.arena <= bound);
  for (const placer of byCost) {
    if (results.has(placer.name) || placer.anytime) continue;
    if (atBound()) break;
    if (seconds() + costVsFirstFit(placer.name, n) * cost > timeLimit) {
      skipped.push(placer.name);
      continue;
    }
    try {
      results.set(placer.name, await placer.place(problem, withDeadline));
    } catch (e) {
      if (!(e instanceof PlacementDeadline)) throw e;
      skipped.push(placer.name);
    }
  }
  const names = start.map((p) => p.name);
  if (limits.beforeAnytime !== undefined && !atBound()) {
    const other = limits.beforeAnytime(bestIn(results, names), cost);
    if (other !== undefined) {
      results.set(other.name, other.result);
      names.push(other.name);
    }
  }
  // Anytime placers last, each with a share of the time left (no estimate:
  // the skyline's time follows the pairs of buffers that meet, and which
  // order is dear differs from problem to problem), when that share is worth
  // their set-up.
  const nearBound = () =>
    [...results.values()].some((r) => r.arena <= bound * (1 + ANYTIME_SKIP_GAP));
  for (const placer of start) {
    if (results.has(placer.name) || !placer.anytime) continue;
    if (nearBound()) break;
    const share = ANYTIME_SHARE * (timeLimit - seconds());
    if (!(share >= ANYTIME_MIN_VS_FIRST_FIT * cost)) {
      skipped.push(placer.name);
      continue;
    }
    const deadline = Math.min(t0 + timeLimit * 1000, performance.now() + share * 1000);
    const anytime: GreedyPlaceOptions = { ...options, deadline };
    results.set(placer.name, await placer.place(problem, anytime));
  }
  const arenas: Record<string, number> = {};
  for (const placer of start) {
    const result = results.get(placer.name);
    if (result !== undefined) arenas[placer.name] = result.arena;
  }
  return { ...bestIn(results, names), arenas, skipped };
}

/** The lowest of `results`, ties to the earliest in `names`. */
function bestIn(
  results: Map<string, PlaceResult>,
  names: readonly string[],
): { name: string; result: PlaceResult } {
  let best: { name: string; result: PlaceResult } | undefined;
  for (const name of names) {
    const result = results.get(name);
    if (result === undefined) continue;
    if (!best || result.arena < best.result.arena) best = { name, result };
  }
  return best!;
}

/**
 * Runs the `start` placers and keeps the smallest arena; stops there when it
 * equals the peak-live bound (proved optimal), else improves it with the
 * location ILP for the rest of `timeLimit` (default 30 s). With a capacity the
 * arena exceeds, the status is `infeasible` when the bound proves no placement
 * fits, else `timeout`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { greedySizePlacer } from "./placers/greedy_size.ts";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 2, size: 4 }, { id: "b", lower: 1, upper: 3, size: 4 }] };
 * const r = await placeBest(problem, { start: [greedySizePlacer], timeLimit: 60, capacity: 1 << 20 });
 * assert.equal(r.status, "optimal"); // greedy met the peak-live bound
 * ```
 */
export async function placeBest(
  problem: PlacementProblem,
  bestOptions: BestPlaceOptions,
): Promise<PlaceResult> {
  const t0 = performance.now();
  const { start, ...options } = bestOptions;
  const timeLimit = options.timeLimit ?? 30;
  const bound = problemPeakLive(problem);
  const capacity = options.capacity ?? problem.capacity;
  const seconds = () => (performance.now() - t0) / 1000;
  const details: Record<string, unknown> = {};
  const large = bufferCount(problem) > EXACT_MAX_BUFFERS;
  const first = await startWithin(problem, start, { ...options, peakLive: bound }, {
    bound,
    t0,
    timeLimit,
    // Before the skyline, which a short limit cuts short far above its full
    // descent, while the skeleton's first try takes a few first fits.
    beforeAnytime: large
      ? (best, firstSeconds) =>
        skeletonStartIn(problem, best, details, {
          bound,
          share: SKELETON_SHARE * (timeLimit - seconds()),
          firstSeconds,
        })
      : undefined,
  });
  const greedy = first.arenas;
  let best: { name: string; result: PlaceResult } = first;
  Object.assign(details, { greedy, start: best.name });
  if (first.skipped.length > 0) details.skippedForTime = first.skipped;
  if (capacity !== undefined) details.capacity = capacity;
  // Past a few thousand buffers the search and the ILP cannot finish, and
  // even setting them up (greedy-size inside the search, the ILP's model)
  // overruns short limits: the best start placement, repacked at its peak
  // until the limit, is the answer.
  if (large && best.result.arena > bound) {
    const improved = improveLarge(problem, best.result, {
      bound,
      capacity,
      minimize: options.minimize,
      deadline: t0 + timeLimit * 1000,
      seed: options.seed,
    });
    if (improved.details) details.improve = improved.details;
    if (improved.note) details.timeNote = improved.note;
    const { offsets, arena } = improved;
    const status: PlannerStatus = capacity !== undefined && arena > capacity
      ? (bound > capacity ? "infeasible" : "timeout")
      : capacity !== undefined
      ? "feasible"
      : "timeout";
    return {
      offsets,
      arena,
      status,
      seconds: seconds(),
      bound,
      details: {
        ...details,
        note: `no exact stage above ${EXACT_MAX_BUFFERS} buffers; the peak repacked instead`,
      },
    };
  }
  const left = timeLimit - seconds();
  if (best.result.arena <= bound || left <= 0.5) {
    const { offsets, arena } = best.result;
    const optimal = arena <= bound;
    const status: PlannerStatus = capacity !== undefined && arena > capacity
      ? (bound > capacity ? "infeasible" : "timeout")
      : optimal
      ? "optimal"
      : "timeout";
    return { offsets, arena, status, seconds: seconds(), bound, details };
  }
  // The exact search first (it proves or packs tight capacities in seconds
  // where greedy misses by a third), then the ILP on what is left of the time.
  const search = placeSearch(problem, {
    ...options,
    capacity,
    minimize: capacity === undefined,
    timeLimit: left * 0.8,
  });
  details.search = { arena: search.arena, status: search.status, seconds: search.seconds };
  // Heights the search refuted raise the bound above peak live.
  const lower = Math.max(bound, search.bound ?? bound);
  const lowerMethod = lower > bound ? search.boundMethod : undefined;
  const fits = (r: PlaceResult) => capacity === undefined || r.arena <= capacity;
  if (fits(search) && (search.arena < best.result.arena || !fits(best.result))) {
    best = { name: "search", result: search };
  }
  const afterSearch = timeLimit - seconds();
  if (best.result.arena <= lower || search.status === "infeasible" || afterSearch <= 0.5) {
    const { offsets, arena } = best.result;
    const status: PlannerStatus = capacity !== undefined && arena > capacity
      ? (search.status === "infeasible" || lower > capacity ? "infeasible" : "timeout")
      : arena <= lower || (capacity === undefined && search.status === "optimal")
      ? "optimal"
      : capacity !== undefined
      ? "feasible"
      : "timeout";
    return {
      offsets,
      arena,
      status,
      seconds: seconds(),
      bound: lower,
      boundMethod: lowerMethod,
      details: { ...details, winner: best.name },
    };
  }
  const ilp = await placeIlp(problem, {
    ...options,
    start: best.result.offsets,
    timeLimit: afterSearch,
  });
  const ilpBound = Math.max(lower, ilp.bound ?? lower);
  return {
    ...ilp,
    status: ilp.status === "timeout" && capacity === undefined && ilp.arena <= ilpBound
      ? "optimal"
      : ilp.status,
    bound: ilpBound,
    boundMethod: ilpBound > lower ? ilp.boundMethod : lowerMethod,
    seconds: seconds(),
    details: { ...details, ilp: ilp.details },
  };
}

/**
 * Whether `best` tries the skeleton start: its `share` (seconds) holds
 * {@linkcode SKELETON_MIN_SECONDS} and {@linkcode SKELETON_MIN_VS_FIRST_FIT}
 * times the first start's seconds, and the best start's `arena` is at least
 * {@linkcode SKELETON_MIN_GAP} above the `bound`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const at = { share: 1, firstSeconds: 0.05, bound: 100, arena: 105 };
 * assert.equal(skeletonWorthTrying(at), true);
 * assert.equal(skeletonWorthTrying({ ...at, arena: 100.5 }), false); // within 1%: the repacking's
 * assert.equal(skeletonWorthTrying({ ...at, share: 0.4 }), false); // under half a second
 * assert.equal(skeletonWorthTrying({ ...at, firstSeconds: 0.3 }), false); // under 5 first fits
 * ```
 */
export function skeletonWorthTrying(
  at: { share: number; firstSeconds: number; bound: number; arena: number },
): boolean {
  return at.share >= Math.max(SKELETON_MIN_SECONDS, SKELETON_MIN_VS_FIRST_FIT * at.firstSeconds) &&
    at.arena >= at.bound * (1 + SKELETON_MIN_GAP);
}

/**
 * The skeleton start (improve/skeleton_start.ts) when it is lower than
 * `best`, else undefined; noted in `details` when tried. Tried when `share`
 * (seconds) is worth its first try (packing a thousand buffers and placing
 * the rest around them), unless a start is already within
 * {@linkcode SKELETON_MIN_GAP} of the bound: there the repacking closes the
 * rest sooner (llm 60,000, seed 1: at the bound in 3.9 s, 7.8 s after a
 * skeleton stage that did not win).
 */
function skeletonStartIn(
  problem: PlacementProblem,
  best: { name: string; result: PlaceResult },
  details: Record<string, unknown>,
  at: { bound: number; share: number; firstSeconds: number },
): { name: string; result: PlaceResult } | undefined {
  const { bound, share } = at;
  if (!skeletonWorthTrying({ ...at, arena: best.result.arena })) return undefined;
  const from = performance.now();
  const skeleton = skeletonStart(problem, { bound, deadline: from + share * 1000 });
  details.skeleton = {
    arena: skeleton?.arena,
    buffers: skeleton?.skeleton,
    seconds: (performance.now() - from) / 1000,
  };
  if (skeleton === undefined || skeleton.arena >= best.result.arena) return undefined;
  return {
    name: "skeleton",
    result: { ...best.result, offsets: skeleton.offsets, arena: skeleton.arena },
  };
}

/**
 * The `best` placer over the fast placers `start()` returns (called at each
 * placement, so the registry can pass a list it derives after this is made).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { firstFitPlacer } from "./placers/first_fit.ts";
 * import { greedySizePlacer } from "./placers/greedy_size.ts";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 2, size: 4 }, { id: "b", lower: 1, upper: 3, size: 4 }] };
 * const best = bestPlacerOf(() => [greedySizePlacer, firstFitPlacer]);
 * const { arena } = await best.place(problem, { timeLimit: 60 });
 * assert.equal(arena, 8);
 * ```
 */
export function bestPlacerOf(start: () => readonly Placer[]): Placer {
  return {
    name: "best",
    description:
      "every greedy placer, then the exact search, then the location ILP on the best one while " +
      "time remains; above 5,000 buffers, the best greedy placement (or a start built around the " +
      "longest-lived buffers, packed first by the exact search) repacked at its peak instead " +
      "(greedy rounds, and windows re-solved by the exact search)",
    place: (problem, options) => placeBest(problem, { ...options, start: start() }),
  };
}
