/**
 * Skyline: fill the memory from the bottom up, where the load is greatest.
 *
 * The placements the exact search looks for are canonical: every buffer sits
 * at its floor (the highest top of the buffers placed before it that it
 * meets), taken in order of non-decreasing offset, under a water level that
 * only rises. This placer makes one such descent without a capacity and
 * without backtracking. At the water level, among the sections (time spans
 * between two consecutive lifespan ends) over which some unplaced buffer
 * could start there, it picks the one whose unplaced buffers add up to the
 * most bytes (the search's "tightest" rule: the least room), and puts there
 * the largest of those buffers (then the longest-lived). When no buffer can
 * start at the level, the level rises to the lowest floor left.
 *
 * Where the height is decided almost everywhere — random lifespans of
 * thousands of buffers, or the cuts of a rectangle whose optimum is known —
 * this lands much nearer peak live than the greedy placers, which place
 * buffers one by one wherever they fit: on development seeds of the `random`
 * family at 5,000 buffers, 0.5–2.5% above peak live against 0.7–12%.
 *
 * The skyline is a segment tree of heights (a floor is a range maximum),
 * the section to fill comes from a tree of loads over the covered sections,
 * and the buffer from heaps over the sections it covers; each step is
 * O(log² n). A buffer whose floor rose since it could start at the level is
 * found out when it is picked, and waits in a heap by floor for the level to
 * reach it. It comes back at most once for each buffer it meets that is
 * placed meanwhile, so the time grows with the pairs of buffers that meet,
 * O((n + S + P) log² n) over S sections and P pairs: about a second for
 * 20,000 random or compiler-like buffers, over a minute for 20,000 of a
 * training graph, where thousands live long. `best` gives it a share of its
 * time, and a descent stopped by the deadline stacks the rest on top.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";
import { bufferCount } from "../../graph/problem_columns.ts";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import { problemSteps } from "../../graph/problem_steps.ts";
import type { Placer, PlaceResult } from "../types.ts";
import { MinHeap } from "../_heap.ts";
import { mulberry32 } from "../_prng.ts";
import { checkedAlignment } from "./_place_in_order.ts";
import { placeFirstFit } from "./first_fit.ts";
import { type GreedyPlaceOptions, placeResult } from "./_place_result.ts";
import { ChmaxTree } from "./_chmax_tree.ts";
import { CoveredMaxTree } from "./_covered_max_tree.ts";
import { StabMin } from "./_stab_min.ts";

/** The order in which the buffers over the chosen section are tried: each key descending, then index. */
export type SkylineOrder = "size" | "width" | "area";

/** Options of {@linkcode placeSkyline}. */
export interface SkylineOptions extends GreedyPlaceOptions {
  /**
   * Descents to make, one per order; the lowest wins. Default size, width
   * and area, then {@linkcode JITTERED} more with jittered keys. Under a
   * deadline the descents after the first run only while the ones made so
   * far took less than half the time left to it.
   */
  orders?: readonly SkylineOrder[];
}

/**
 * Orders tried by default. Which one lands lowest depends on the problem: on
 * development seeds of the `random` family (20,000 buffers) width first gave
 * 1.026 of peak live where size first gave 1.061, and on cuts of a
 * rectangle (`tight`, 2,000–20,000 buffers) size first 1.12–1.20 against
 * 1.14–1.30.
 */
const ORDERS: readonly SkylineOrder[] = ["size", "width", "area"];

/**
 * Descents after the three orders, while time allows (all of them without a
 * deadline): the same orders in turn, each buffer's key scaled by a seeded
 * random factor in [0.8, 1.2). On development problems (random intervals of
 * 4,000–5,000 buffers, tight 2,000) the best of eight such descents was
 * lower than the best of the three plain ones on all four, by 0.3–0.6
 * points, and one reached peak live.
 */
const JITTERED = 9, JITTER = 0.2;

/**
 * Places every buffer by the skyline descent (see the module comment), once
 * per order of `options.orders`, and keeps the lowest. Buffers of size 0 or
 * with an empty lifespan go at offset 0. The deadline is `options.deadline`,
 * else `timeLimit` seconds from the call (checked every 1,024 steps): if the
 * first descent reaches it, the buffers it has not placed go above the others
 * by first fit (`details.note` says so); a later descent reaching it is
 * dropped.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const r = placeSkyline(await loadMinimallocCsv("testdata/minimalloc/example.12.csv"));
 * assert.equal(r.arena, 12); // the optimum
 * assert.equal(r.details?.order, "size"); // the first order that reached it
 * ```
 */
export function placeSkyline(problem: PlacementProblem, options: SkylineOptions = {}): PlaceResult {
  const t0 = performance.now();
  const n = bufferCount(problem);
  const align = checkedAlignment(problem);
  const { lower, upper, size, time } = problemSteps(problem);
  const active: number[] = [];
  for (let b = 0; b < n; b++) if (size[b] > 0 && upper[b] > lower[b]) active.push(b);
  const fp = new Float64Array(n), width = new Float64Array(n);
  for (const b of active) {
    fp[b] = Math.ceil(size[b] / align) * align;
    // Lifespans ranked by their length in time, not in steps.
    width[b] = time === undefined ? upper[b] - lower[b] : time[upper[b]] - time[lower[b]];
  }
  // Sections are steps: a buffer covers [lower, upper). The same loads start every descent.
  let sections = 0;
  for (const b of active) if (upper[b] > sections) sections = upper[b];
  const load = new Float64Array(sections + 1);
  for (const b of active) {
    load[lower[b]] += fp[b];
    load[upper[b]] -= fp[b];
  }
  for (let s = 1; s <= sections; s++) load[s] += load[s - 1];
  const input = { active, lower, upper, size, fp, load: load.subarray(0, sections) };
  const bound = options.peakLive ?? problemPeakLive(problem);
  const deadline = options.deadline ??
    (options.timeLimit === undefined ? Infinity : t0 + options.timeLimit * 1000);
  let best: Descent | undefined, bestOrder = "size";
  const tried: string[] = [];
  const plan = options.orders?.map((order) => ({ order, seed: 0 })) ?? [
    ...ORDERS.map((order) => ({ order, seed: 0 })),
    ...Array.from({ length: JITTERED }, (_, k) => ({ order: ORDERS[k % 3], seed: k + 1 })),
  ];
  for (const { order, seed } of plan) {
    const now = performance.now();
    if (best !== undefined && (best.arena <= bound || 2 * (now - t0) > deadline - now)) break;
    const factor = jitterFactors(n, seed);
    const key = (b: number) =>
      (order === "size" ? size[b] : order === "width" ? width[b] : size[b] * width[b]) *
      factor[b];
    const second = (b: number) => order === "size" ? width[b] : size[b];
    // Room before the deadline for stacking what a cut descent leaves (first fit: ~1 µs a buffer).
    const stop = deadline - STACK_MS_PER_BUFFER * active.length;
    const d = descend(input, rankBy(active, n, key, second), stop);
    if (d.left > 0) {
      if (best !== undefined) break; // a later order cut short: the earlier ones stand
      // The first cut short: the rest go on top, first fit among themselves.
      const note = `the descent stopped at the deadline with ${d.left} of ${active.length} ` +
        `buffers left; they were placed above the others by first fit`;
      const arena = stackRest(d, input, align);
      return placeResult(problem, { offsets: d.offsets, arena, truncated: 0 }, options, t0, {
        policy: "skyline",
        order,
        orders: [order],
        note,
        // What the command line reports in its "time limit" row.
        timeNote: note,
      });
    }
    const label = seed === 0 ? order : `${order}~${seed}`;
    tried.push(label);
    if (best === undefined || d.arena < best.arena) [best, bestOrder] = [d, label];
  }
  return placeResult(
    problem,
    { offsets: best!.offsets, arena: best!.arena, truncated: 0 },
    options,
    t0,
    {
      policy: "skyline",
      order: bestOrder,
      orders: tried,
    },
  );
}

/** Milliseconds a buffer kept free before the deadline for stacking the rest of a cut descent. */
const STACK_MS_PER_BUFFER = 0.005;

/** One descent's placement; when `left` > 0 it stopped at the deadline with that many unplaced. */
interface Descent {
  offsets: Float64Array;
  arena: number;
  left: number;
  placed: Uint8Array;
}

/**
 * Places the buffers a descent left, by first fit among themselves, above
 * everything it placed (so they meet none of those); returns the arena.
 */
function stackRest(d: Descent, input: DescentInput, align: number): number {
  const { active, lower, upper, size } = input;
  const rest = active.filter((b) => d.placed[b] === 0);
  const sub = {
    buffers: rest.map((b) => ({ id: String(b), lower: lower[b], upper: upper[b], size: size[b] })),
    alignment: align,
  };
  const base = Math.ceil(d.arena / align) * align;
  const stacked = placeFirstFit(sub);
  rest.forEach((b, k) => d.offsets[b] = base + stacked.offsets[k]);
  return rest.length === 0 ? d.arena : Math.max(d.arena, base + stacked.arena);
}

/**
 * What a descent reads: the buffers it places, their steps, sizes and
 * footprints, and per section (step) the footprints covering it.
 */
interface DescentInput {
  active: number[];
  lower: Float64Array;
  upper: Float64Array;
  size: Float64Array;
  fp: Float64Array;
  load: Float64Array;
}

/** One skyline descent with candidates ranked by `rank` (lower first). */
function descend(input: DescentInput, rank: Int32Array, deadline: number): Descent {
  const { active, lower, upper, size, fp, load } = input;
  const n = rank.length, sections = load.length;
  const offsets = new Float64Array(n);
  const sky = new ChmaxTree(sections);
  const pick = new CoveredMaxTree(load);
  // A buffer is a candidate (it can start at the level) in stints: it leaves
  // when placed or when found to have risen, and comes back at its new floor.
  const inLevel = new Uint8Array(n), stint = new Int32Array(n);
  const stab = new StabMin(sections, rank, (b, k) => inLevel[b] === 1 && stint[b] === k);
  const waiting = new MinHeap(Math.max(16, active.length));
  const enter = (b: number) => {
    inLevel[b] = 1;
    stint[b]++;
    pick.addCount(lower[b], upper[b], 1);
    stab.insert(lower[b], upper[b], b, stint[b]);
  };
  const leave = (b: number) => {
    inLevel[b] = 0;
    pick.addCount(lower[b], upper[b], -1);
  };
  // Buffers of one lifespan cover the same sections, so they share a floor
  // and the best-ranked of them is always picked first: only it is a
  // candidate, and the next comes in when it is placed. Without this, k
  // copies alive at once (a training step's weights) came back k² times.
  const after = successors(active, lower, upper, rank);
  const follows = new Uint8Array(n);
  for (const b of active) if (after[b] >= 0) follows[after[b]] = 1;
  for (const b of active) if (follows[b] === 0) enter(b); // every floor is 0 at first
  let level = 0, left = active.length, arena = 0, steps = 0;
  while (left > 0) {
    if ((++steps & 1023) === 0 && performance.now() > deadline) break;
    const s = pick.argmax();
    if (s < 0) {
      level = riseTo(waiting, sky, lower, upper, inLevel);
      while (waiting.size > 0 && waiting.minKey1 === level) {
        const b = waiting.pop();
        if (inLevel[b] !== 0) continue; // placed, or back already from another entry
        const floor = sky.max(lower[b], upper[b]);
        if (floor > level) waiting.push(b, floor, 0);
        else enter(b);
      }
      continue;
    }
    const b = stab.best(s);
    const floor = sky.max(lower[b], upper[b]);
    leave(b);
    if (floor > level) {
      waiting.push(b, floor, 0);
      continue;
    }
    offsets[b] = level;
    inLevel[b] = 2;
    left--;
    sky.raise(lower[b], upper[b], level + fp[b]);
    pick.addLoad(lower[b], upper[b], -fp[b]);
    if (after[b] >= 0) waiting.push(after[b], level + fp[b], 0);
    if (level + size[b] > arena) arena = level + size[b];
  }
  const placed = Uint8Array.from(inLevel, (v) => v === 2 ? 1 : 0);
  return { offsets, arena, left, placed };
}

/**
 * The lowest floor among the waiting buffers: pops entries until one whose
 * floor is still its key (floors only rise, so a key is never above the
 * floor it stands for), putting back the others at their new floors.
 */
function riseTo(
  waiting: MinHeap,
  sky: ChmaxTree,
  lower: Float64Array,
  upper: Float64Array,
  inLevel: Uint8Array,
): number {
  for (;;) {
    const key = waiting.minKey1;
    const b = waiting.pop();
    if (inLevel[b] !== 0) continue;
    const floor = sky.max(lower[b], upper[b]);
    waiting.push(b, floor, 0);
    if (floor === key) return key;
  }
}

/** Per buffer, the next of the same lifespan by rank, or -1. */
function successors(
  active: number[],
  lower: Float64Array,
  upper: Float64Array,
  rank: Int32Array,
): Int32Array {
  const bySpan = Int32Array.from(active).sort((a, b) =>
    lower[a] - lower[b] || upper[a] - upper[b] || rank[a] - rank[b]
  );
  const after = new Int32Array(rank.length).fill(-1);
  for (let k = 1; k < bySpan.length; k++) {
    const a = bySpan[k - 1], b = bySpan[k];
    if (lower[a] === lower[b] && upper[a] === upper[b]) after[a] = b;
  }
  return after;
}

/** Per buffer a factor in [1 - JITTER, 1 + JITTER) drawn from `seed`; all 1 for seed 0. */
function jitterFactors(n: number, seed: number): Float64Array {
  const f = new Float64Array(n).fill(1);
  if (seed === 0) return f;
  const random = mulberry32(seed);
  for (let b = 0; b < n; b++) f[b] = 1 + JITTER * (2 * random() - 1);
  return f;
}

/** Rank of each buffer: `key` descending, then `second` descending, then index. */
function rankBy(
  active: number[],
  n: number,
  key: (b: number) => number,
  second: (b: number) => number,
): Int32Array {
  const k1 = new Float64Array(n), k2 = new Float64Array(n);
  for (const b of active) {
    k1[b] = key(b);
    k2[b] = second(b);
  }
  const order = Int32Array.from(active).sort((a, b) => k1[b] - k1[a] || k2[b] - k2[a] || a - b);
  const rank = new Int32Array(n);
  for (let i = 0; i < order.length; i++) rank[order[i]] = i;
  return rank;
}

/**
 * The `skyline` placer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * const { offsets, arena } = await skylinePlacer.place(problem);
 * assert.deepEqual([offsets.length, arena], [5, 12]);
 * ```
 */
export const skylinePlacer: Placer = {
  name: "skyline",
  description:
    "bottom up: at the lowest level, the largest buffer over the most loaded section that can start there",
  place: (problem, options) => Promise.resolve(placeSkyline(problem, options)),
  anytime: true,
};
