/**
 * A start for large problems built around their long-lived buffers: the
 * buffers of longest lifespan (the skeleton) are packed by the exact search
 * under peak live, and every other buffer is then put, in order of its
 * start, into the lowest gap among them and the ones before it.
 *
 * Why: the greedy starts place buffers by size or by time, and where a few
 * huge buffers come and go beside a long stack of saved activations (the
 * `compiler` generator, bench/generators/large.ts, seed 101 of 60,000
 * buffers) every one of them left the stack held up by holes at the peak,
 * 4.8% above peak live, and the repacking, whose windows are short in time,
 * never moved a buffer alive over 40% of the step. Packed first and alone,
 * the 750 longest-lived buffers fit under peak live in 0.3 s, and the rest
 * around them ended 0.2% above it. Elsewhere the greedy starts stay ahead
 * (the skeleton's start is 1.7–50% above them on the other large
 * generators), so `best` keeps whichever is lower.
 *
 * Which buffers make the skeleton is not known in advance: too few (500 of
 * that problem) leave long buffers to the greedy pass and end 15% above. So
 * skeletons of growing size are tried while time allows, each only if the
 * previous one was packed under the bound and its start was lower than the
 * one before, and the lowest start is kept.
 *
 * @module
 */
import { problemColumns } from "../../graph/problem_columns.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { placeInOrder, PlacementDeadline } from "../placers/_place_in_order.ts";
import { placeSearch } from "../search/search_placer.ts";

/** Skeleton sizes tried, smallest first. */
const SKELETONS = [1000, 2000, 4000];

/** Most seconds one skeleton's search takes (without a deadline, it would be unbounded). */
const SEARCH_SECONDS = 10;

/** Options of {@linkcode skeletonStart}. */
export interface SkeletonOptions {
  /** The height to pack the skeleton under: peak live. */
  bound: number;
  /** `performance.now()` by which to return (nothing past it is started or kept). */
  deadline: number;
  /** Skeleton sizes to try, in order; default 1,000, 2,000 and 4,000 buffers. */
  sizes?: readonly number[];
}

/** The lowest skeleton start found, and how many buffers its skeleton held. */
export interface SkeletonStart {
  offsets: Float64Array;
  arena: number;
  skeleton: number;
}

/**
 * The lowest of the skeleton starts that finish by the deadline; undefined
 * when none does (or the problem is too small to have a skeleton apart).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { skeletonStart } from "./skeleton_start.ts";
 * // Two long buffers and two short ones; a skeleton of two packs the long ones first.
 * const problem = { buffers: [
 *   { id: "a", lower: 0, upper: 1, size: 4 },
 *   { id: "long1", lower: 0, upper: 4, size: 4 },
 *   { id: "long2", lower: 1, upper: 4, size: 4 },
 *   { id: "b", lower: 0, upper: 1, size: 4 },
 * ] };
 * const r = skeletonStart(problem, { bound: 12, deadline: Infinity, sizes: [2] })!;
 * assert.deepEqual([r.arena, r.skeleton], [12, 2]);
 * ```
 */
export function skeletonStart(
  problem: PlacementProblem,
  options: SkeletonOptions,
): SkeletonStart | undefined {
  const { lower, upper, size } = problemColumns(problem);
  const n = size.length;
  const alignment = problem.alignment ?? 1;
  const byLife: number[] = [];
  for (let i = 0; i < n; i++) if (size[i] > 0) byLife.push(i);
  byLife.sort((a, b) =>
    (upper[b] - lower[b]) - (upper[a] - lower[a]) || size[b] - size[a] || a - b
  );
  // Every buffer in the order the ones outside a skeleton are placed in:
  // sorted once, filtered for each skeleton.
  const byStart = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
    lower[a] - lower[b] || size[b] - size[a] || a - b
  );
  let best: SkeletonStart | undefined;
  for (const k of options.sizes ?? SKELETONS) {
    // A skeleton of most of the problem is the problem: the exact search's.
    if (2 * k > byLife.length) break;
    const left = (options.deadline - performance.now()) / 1000;
    if (left <= 0) break;
    const ids = byLife.slice(0, k);
    const sub: PlacementProblem = {
      buffers: ids.map((i) => ({ id: "", lower: lower[i], upper: upper[i], size: size[i] })),
      alignment,
    };
    // Half of what is left: the rest goes to placing the others around it.
    const packed = placeSearch(sub, {
      capacity: options.bound,
      timeLimit: Math.min(left / 2, SEARCH_SECONDS),
      threads: 1,
    });
    const bySkeletonOffset = ids.map((_, j) => j).sort((a, b) =>
      packed.offsets[a] - packed.offsets[b] || a - b
    );
    const inSkeleton = new Uint8Array(n);
    for (const i of ids) inSkeleton[i] = 1;
    const order = [
      ...bySkeletonOffset.map((j) => ids[j]),
      ...byStart.filter((i) => !inSkeleton[i]),
    ];
    let placed;
    try {
      placed = placeInOrder(problem, order, "first-fit", { deadline: options.deadline });
    } catch (e) {
      if (!(e instanceof PlacementDeadline)) throw e;
      break;
    }
    const gained = best === undefined || placed.arena < best.arena;
    if (gained) best = { offsets: placed.offsets, arena: placed.arena, skeleton: k };
    // A skeleton the search could not pack in time, or one that gained
    // nothing on the smaller one: a larger one is not tried.
    if (packed.arena > options.bound || !gained) break;
  }
  return best;
}
