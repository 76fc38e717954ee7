/**
 * Lower bounds from subsets of the buffers: dropping buffers never raises
 * the optimum, so any bound proved on a subset holds for the whole problem.
 * A small subset can be refuted exactly in milliseconds where the whole
 * problem cannot, and its optimum may exceed the whole problem's peak live
 * (a buffer forced into the middle at one time leaves a bigger one no room
 * at the next). The subsets tried: the buffers of at least a given size
 * (large buffers constrain each other most), and the buffers alive in a time
 * window around the fullest moments.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";

/** Most buffers a subset may hold: the exact search must settle it quickly. */
export const MAX_SUBSET = 60;

/** Proves a lower bound on a subproblem's optimum before `deadline` (ms); never above it. */
export type SubsetSolver = (sub: PlacementProblem, deadline: number) => number;

/** The best bound found and the subset (indices into `problem.buffers`) that proved it. */
export interface SubsetBound {
  bound: number;
  subset: number[];
  tried: number;
}

/**
 * The subsets worth a try, smallest first within each kind; the whole
 * problem and duplicates are left out.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { candidateSubsets } from "./subset_bound.ts";
 * const p = { buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 8 },
 *   { id: "b", lower: 1, upper: 3, size: 4 },
 *   { id: "c", lower: 2, upper: 3, size: 1 },
 * ] };
 * assert.deepEqual(candidateSubsets(p)[0], [0]); // the largest buffer alone
 * ```
 */
export function candidateSubsets(problem: PlacementProblem, maxBuffers = MAX_SUBSET): number[][] {
  const bs = problem.buffers;
  const live = bs.map((_, i) => i).filter((i) => bs[i].size > 0 && bs[i].upper > bs[i].lower);
  const out: number[][] = [];
  const seen = new Set<string>();
  const add = (s: number[]) => {
    if (s.length === 0 || s.length > maxBuffers || s.length >= live.length) return;
    const key = s.join(",");
    if (!seen.has(key)) seen.add(key), out.push(s);
  };
  // The buffers of at least each size, while few enough.
  const bySize = [...live].sort((a, b) => bs[b].size - bs[a].size || a - b);
  for (let k = 0; k < bySize.length && k < maxBuffers; k++) {
    if (k + 1 < bySize.length && bs[bySize[k + 1]].size === bs[bySize[k]].size) continue;
    add(bySize.slice(0, k + 1).sort((a, b) => a - b));
  }
  // Time windows around the fullest elementary intervals, widened while small.
  const times = [...new Set(live.flatMap((i) => [bs[i].lower, bs[i].upper]))].sort((a, b) => a - b);
  const at = new Map(times.map((t, j) => [t, j]));
  const load = new Float64Array(times.length);
  for (const i of live) {
    load[at.get(bs[i].lower)!] += bs[i].size;
    load[at.get(bs[i].upper)!] -= bs[i].size;
  }
  for (let j = 1; j < load.length; j++) load[j] += load[j - 1];
  const fullest = [...load.keys()].sort((a, b) => load[b] - load[a] || a - b).slice(0, 4);
  for (const j of fullest) {
    for (let w = 0; w < times.length; w = 2 * w + 1) {
      const from = times[Math.max(0, j - w)], to = times[Math.min(times.length - 1, j + 1 + w)];
      const s = live.filter((i) => bs[i].lower < to && bs[i].upper > from);
      if (s.length > maxBuffers) break;
      add(s);
    }
  }
  return out;
}

/**
 * The strongest bound `solve` proves on a candidate subset (see
 * {@linkcode candidateSubsets}), time shared equally among the candidates
 * left; `floor` when none beats it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { problemPeakLive } from "../../graph/placement_problem.ts";
 * import { subsetBound } from "./subset_bound.ts";
 * const p = { buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 8 },
 *   { id: "b", lower: 1, upper: 3, size: 4 },
 * ] };
 * // A solver that only knows peak live: the subsets prove no more than it.
 * assert.equal(subsetBound(p, 0, Infinity, problemPeakLive).bound, 8);
 * ```
 */
export function subsetBound(
  problem: PlacementProblem,
  floor: number,
  deadline: number,
  solve: SubsetSolver,
  maxBuffers = MAX_SUBSET,
): SubsetBound {
  const candidates = candidateSubsets(problem, maxBuffers);
  let best: SubsetBound = { bound: floor, subset: [], tried: 0 };
  const tryOn = (subset: number[], end: number) => {
    const buffers = subset.map((i) => problem.buffers[i]);
    const sub: PlacementProblem = problem.alignment === undefined
      ? { buffers }
      : { buffers, alignment: problem.alignment };
    best.tried++;
    const b = solve(sub, end);
    if (b > best.bound) best = { bound: b, subset, tried: best.tried };
  };
  const share = (left: number) => {
    const now = performance.now();
    return deadline === Infinity ? Infinity : now + (deadline - now) / left;
  };
  // Half the time for the candidates, the rest to grow the best one.
  for (let k = 0; k < candidates.length && performance.now() < deadline; k++) {
    tryOn(candidates[k], share(2 * (candidates.length - k)));
  }
  // Grow the subset that proved most by the largest buffers alive in its
  // span: they constrain it most, and it stays small enough to settle.
  for (let grown = true; grown && best.subset.length > 0;) {
    grown = false;
    const from = best.subset, inside = new Set(from);
    const lo = Math.min(...from.map((i) => problem.buffers[i].lower));
    const hi = Math.max(...from.map((i) => problem.buffers[i].upper));
    const near = problem.buffers.map((_, i) => i).filter((i) => {
      const b = problem.buffers[i];
      return !inside.has(i) && b.size > 0 && b.lower < hi && b.upper > lo && b.upper > b.lower;
    }).sort((a, b) => problem.buffers[b].size - problem.buffers[a].size || a - b);
    const steps: number[] = [];
    const whole = problem.buffers.filter((b) => b.size > 0 && b.upper > b.lower).length;
    for (let k = 1; k <= near.length && from.length + k <= maxBuffers; k *= 2) {
      if (from.length + k < whole) steps.push(k); // the whole problem is the caller's search
    }
    for (let j = 0; j < steps.length && performance.now() < deadline; j++) {
      const before = best.bound;
      tryOn([...from, ...near.slice(0, steps[j])].sort((a, b) => a - b), share(steps.length - j));
      if (best.bound > before) {
        grown = true;
        break;
      }
    }
  }
  return best;
}
