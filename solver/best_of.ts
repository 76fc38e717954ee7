/**
 * "Best of these, within a budget": the combinator composite planners are
 * made of. It runs candidate placers one after another on the same problem,
 * keeps the smallest arena (the first wins ties) and stops early once a
 * result meets the bound (nothing can beat it) or the budget is spent.
 *
 * @module
 */
import type { PlacementProblem } from "../graph/types.ts";
import type { PlaceOptions, Placer, PlaceResult } from "./types.ts";

/** When {@linkcode bestOf} stops. */
export interface BestOfLimits {
  /** Stop once an arena is at or below it (a proved lower bound). */
  bound?: number;
  /** Seconds after which no further candidate starts; default no limit. */
  budget?: number;
}

/** What {@linkcode bestOf} found. */
export interface BestOfResult {
  /** The winner's name and result. */
  name: string;
  result: PlaceResult;
  /** Arena by candidate, for each one that ran, in the order they ran. */
  arenas: Record<string, number>;
}

/**
 * Runs `placers` in order, each with `options`, and keeps the smallest
 * arena. The first candidate always runs; later ones start only while the
 * budget lasts and the bound is not met.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { bestOf } from "./best_of.ts";
 * import { firstFitPlacer } from "./placers/first_fit.ts";
 * import { greedySizePlacer } from "./placers/greedy_size.ts";
 * const problem = { buffers: [{ id: "a", lower: 0, upper: 1, size: 4 }] };
 * const r = await bestOf(problem, [greedySizePlacer, firstFitPlacer], {}, { bound: 4 });
 * assert.equal(r.name, "greedy-size");
 * assert.deepEqual(Object.keys(r.arenas), ["greedy-size"]);
 * ```
 */
export async function bestOf(
  problem: PlacementProblem,
  placers: readonly Placer[],
  options: PlaceOptions = {},
  limits: BestOfLimits = {},
): Promise<BestOfResult> {
  if (placers.length === 0) throw new Error("bestOf needs at least one placer");
  const t0 = performance.now();
  const { bound, budget = Infinity } = limits;
  const arenas: Record<string, number> = {};
  let best: { name: string; result: PlaceResult } | undefined;
  for (const placer of placers) {
    if (best && (performance.now() - t0) / 1000 >= budget) break;
    const result = await placer.place(problem, options);
    arenas[placer.name] = result.arena;
    if (!best || result.arena < best.result.arena) best = { name: placer.name, result };
    if (bound !== undefined && best.result.arena <= bound) break;
  }
  return { ...best!, arenas };
}
