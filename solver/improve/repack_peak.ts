/**
 * Anytime improvement of a valid placement where its height is decided: take
 * a buffer that reaches the top, a time window inside its lifespan, lift out
 * the buffers alive in that window (the highest ones when there are too many)
 * and put them back, in a randomly chosen order and gap policy
 * (_reinsertion_order.ts), around the
 * buffers that stay. The new placement is kept only when it is no higher and
 * has no more buffers at the top (a plateau move) — so the best valid
 * placement is held at every moment and the answer is never worse than the
 * start. Some rounds instead re-solve a window around the top buffer with the
 * exact search (_window_search.ts), as long as that gains more per
 * millisecond. Stops at the deadline, at the bound, or after `rounds`.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";
import { problemSteps } from "../../graph/problem_steps.ts";
import { FixedBuffers } from "./_fixed_buffers.ts";
import { searchWindow } from "./_window_search.ts";
import { reinsertionOrder } from "./_reinsertion_order.ts";

/**
 * Share of the time spent re-solving windows exactly (_window_search.ts)
 * rather than greedily: at first, and its bounds as it follows their gains
 * per millisecond.
 */
const EXACT_SHARE_START = 0.5, EXACT_SHARE_MIN = 0.05, EXACT_SHARE_MAX = 0.9;
/** Buffers of an exact window: log-uniform between these. */
const WINDOW_MIN = 24, WINDOW_MAX = 400;
/** Milliseconds at most of one window under a deadline (its node budget usually ends it first). */
const WINDOW_MS = 250;

/** Options of {@linkcode repackPeak}. */
export interface RepackOptions {
  /** `performance.now()` at which to stop (checked every round). */
  deadline: number;
  /** A lower bound (e.g. peak live): reaching it ends the search. */
  bound?: number;
  /** Stop once the height is at most this (e.g. the capacity asked for); default the bound. */
  goal?: number;
  seed?: number;
  /** Most rounds; default unlimited. */
  rounds?: number;
  /**
   * Stop after this many rounds in a row lower neither the height nor the
   * number of buffers at it; default unlimited (then only the deadline, the
   * goal or `rounds` ends it).
   */
  stallRounds?: number;
  /**
   * Share of the time given to exact windows (_window_search.ts) at first,
   * then as their gains per millisecond compare with the greedy rounds'; 0:
   * greedy rounds only (the same rounds on any machine), 1: exact windows
   * only. Default 0.5.
   */
  exactShare?: number;
  /** Most buffers lifted out in one round; default 300. */
  maxLifted?: number;
}

/** What {@linkcode repackPeak} reached. */
export interface RepackResult {
  offsets: Float64Array;
  arena: number;
  /** Rounds tried, and how many were kept. */
  rounds: number;
  kept: number;
  /** The deadline, not the bound, goal, round count or a stall, ended it. */
  stoppedAtDeadline: boolean;
}

/**
 * Improves `start` (a valid placement of `problem`, not modified).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { repackPeak } from "./repack_peak.ts";
 * // c stacked on a and b (height 12); a and c never meet, so 8 is reachable
 * const problem = { buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 },
 *   { id: "b", lower: 1, upper: 4, size: 4 },
 *   { id: "c", lower: 2, upper: 4, size: 4 },
 * ] };
 * const r = repackPeak(problem, Float64Array.from([0, 4, 8]), { deadline: Infinity, bound: 8, rounds: 50 });
 * assert.equal(r.arena, 8);
 * ```
 */
export function repackPeak(
  problem: PlacementProblem,
  start: ArrayLike<number>,
  options: RepackOptions,
): RepackResult {
  // On steps, not times: the windows below are so many steps wide whatever
  // unit the times are in (in nanoseconds, a window of 40 held no step), and
  // a problem read into columns is never built into buffer objects.
  const { lower, upper, size: bytes } = problemSteps(problem);
  const n = bytes.length;
  const align = problem.alignment ?? 1;
  const size = bytes.map((b) => Math.ceil(b / align) * align);
  const offsets = Float64Array.from(start);
  const bound = options.bound ?? 0;
  const goal = Math.max(bound, options.goal ?? bound);
  const maxLifted = options.maxLifted ?? 300;
  const maxRounds = options.rounds ?? Infinity;
  const stallRounds = options.stallRounds ?? Infinity;
  let sinceGain = 0;
  // Exact moves win where lifespans are short next to a window, and cost
  // more than they give where long ones pin its edges: each kind gets the
  // time its gains per millisecond earn it (time, not rounds: a window costs
  // tens of greedy rounds), from a prior of one millisecond each.
  const given = options.exactShare ?? EXACT_SHARE_START;
  let exactMs = 1, greedyMs = 1, exactGains = 2 * given, greedyGains = 2 * (1 - given);
  const exactShare = () => {
    if (given <= 0 || given >= 1) return given;
    const e = exactGains / exactMs, g = greedyGains / greedyMs;
    return Math.min(EXACT_SHARE_MAX, Math.max(EXACT_SHARE_MIN, e / (e + g)));
  };
  let seed = (options.seed ?? 1) >>> 0 || 1;
  const random = () => {
    seed ^= seed << 13;
    seed ^= seed >>> 17;
    seed ^= seed << 5;
    return (seed >>> 0) / 4294967296;
  };
  const topOf = (i: number) => bytes[i] > 0 ? offsets[i] + bytes[i] : 0;
  const heightAndCount = () => {
    let h = 0, c = 0;
    for (let i = 0; i < n; i++) {
      const t = topOf(i);
      if (t > h) (h = t), (c = 1);
      else if (t === h) c++;
    }
    return [h, c];
  };
  let [height, atTop] = heightAndCount();
  let rounds = 0, kept = 0;
  const lifted = new Uint8Array(n);
  const newOffsets = new Float64Array(n);
  // Footprints, zero for size-0 buffers: never in the way.
  const fixed = new FixedBuffers({ lower, upper, size, offsets });
  // The longest greedy round so far (ms): every round makes a few passes
  // over all buffers, which no deadline inside it cuts short; at a million
  // buffers, tens of milliseconds. Rounds stop that far from the deadline.
  let slowest = 0;
  while (height > goal && rounds < maxRounds && sinceGain < stallRounds) {
    if (performance.now() + 2 * slowest >= options.deadline) {
      return { offsets, arena: height, rounds, kept, stoppedAtDeadline: true };
    }
    rounds++;
    sinceGain++;
    // A buffer at the top, a time in its life, a window around that time.
    const tops: number[] = [];
    for (let i = 0; i < n; i++) if (topOf(i) === height) tops.push(i);
    const p = tops[Math.floor(random() * tops.length)];
    const roundFrom = performance.now();
    const share = exactShare();
    if (share >= 1 || (share > 0 && exactMs < share * (exactMs + greedyMs))) {
      // An exact move: the window around p re-solved below the height.
      const move = searchWindow({ lower, upper, size: bytes, offsets }, p, {
        buffers: Math.round(WINDOW_MIN * (WINDOW_MAX / WINDOW_MIN) ** random()),
        capacity: height - 1,
        alignment: align,
        level: random() < 0.5 ? height * (1 - 0.2 * random() ** 2) : 0,
        // With no deadline, only the window's node budgets end it: the same
        // windows on any machine, however loaded.
        deadline: Number.isFinite(options.deadline)
          ? Math.min(options.deadline - 2 * slowest, roundFrom + WINDOW_MS)
          : Infinity,
      });
      if (move !== undefined) {
        move.moved.forEach((i, k) => offsets[i] = move.offsets[k]);
        [height, atTop] = heightAndCount();
        kept++;
        sinceGain = 0;
        fixed.moved(move.moved);
        exactGains++;
      }
      exactMs += performance.now() - roundFrom;
      continue;
    }
    const t = lower[p] + Math.floor(random() * (upper[p] - lower[p]));
    const w = Math.floor(Math.pow(random(), 3) * 40);
    // Half the rounds lift a slab: the buffers of the window above a level
    // below the top (those deciding it); the others the whole window.
    const level = random() < 0.5 ? height * (1 - 0.2 * Math.pow(random(), 2)) : 0;
    let set: number[] = [];
    for (let i = 0; i < n; i++) {
      if (
        bytes[i] > 0 && lower[i] <= t + w && upper[i] > t - w && topOf(i) > level
      ) set.push(i);
    }
    if (set.length > maxLifted) {
      // Too many: the highest of those alive at t (the ones deciding the top).
      set = set.filter((i) => lower[i] <= t && upper[i] > t);
      set.sort((x, y) => topOf(y) - topOf(x));
      set.length = Math.min(set.length, maxLifted);
    }
    let from = Infinity, to = -Infinity;
    for (const i of set) {
      lifted[i] = 1;
      from = Math.min(from, lower[i]);
      to = Math.max(to, upper[i]);
    }
    fixed.collect(lifted, from, to);
    // Put them back: an order and a gap policy picked at random.
    const bestFit = reinsertionOrder(set, { lower, upper, size, offsets }, random);
    const placed: number[] = [];
    let ok = true, late = false;
    for (const i of set) {
      // A round at a million buffers can take most of a second (each lifted
      // buffer against every fixed one): the deadline is looked at within it,
      // and a round cut short changes nothing.
      if ((placed.length & 7) === 7 && performance.now() >= options.deadline) {
        ok = false;
        late = true;
        break;
      }
      const o = fixed.gapFor(i, placed, newOffsets, bestFit);
      if (o + size[i] > height) {
        ok = false;
        break;
      }
      newOffsets[i] = o;
      // Kept in order of offset, for the merge in gapFor.
      let k = placed.length;
      placed.push(i);
      for (; k > 0 && newOffsets[placed[k - 1]] > o; k--) placed[k] = placed[k - 1];
      placed[k] = i;
    }
    if (ok) {
      const saved = set.map((i) => offsets[i]);
      for (const i of set) offsets[i] = newOffsets[i];
      const [h, c] = heightAndCount();
      if (h < height || (h === height && c <= atTop)) {
        if (h < height || c < atTop) {
          kept++;
          greedyGains++;
          sinceGain = 0;
        }
        height = h;
        atTop = c;
        fixed.moved(set);
      } else set.forEach((i, k) => offsets[i] = saved[k]);
    }
    for (const i of set) lifted[i] = 0;
    const took = performance.now() - roundFrom;
    greedyMs += took;
    if (took > slowest) slowest = took;
    if (late) return { offsets, arena: height, rounds, kept, stoppedAtDeadline: true };
  }
  return { offsets, arena: height, rounds, kept, stoppedAtDeadline: false };
}
