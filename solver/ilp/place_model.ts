/**
 * OLLA's location ILP for a set of free buffers, every other buffer fixed at
 * its offset; with every buffer free it is the whole problem.
 *
 * Variables (in units `u`: the GCD of the sizes and fixed offsets when the
 * alignment divides it, else its GCD with the alignment): `k_i` integer with
 * offset `o_i = a·k_i` (`a` = 1 or alignment / u),
 * `H` integer (the arena), and one binary per pair that conflicts in time and
 * whose order in space is not already decided by the bounds:
 *
 * - free i, free j: `o_i + s_i ≤ o_j + M(1 - x)` and `o_j + s_j ≤ o_i + M'·x`;
 * - free i, fixed j: i below or above j, one binary when both are possible,
 *   a tighter bound on `k_i` when only one is;
 * - `o_i + s_i ≤ H` for free i; minimise `H` (the fixed tops enter through
 *   its lower bound).
 *
 * Pairs are found by a sweep over lifespans sorted by start, never by testing
 * all pairs. Each big-M is the least that keeps its row inactive, from the
 * offset bounds `0 ≤ o_i ≤ upperBound - s_i`.
 *
 * @module
 */
import { problemPeakLive } from "../../graph/placement_problem.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { type LinearModel, ModelBuilder } from "../highs/model.ts";
import { forEachConflictOf } from "./_conflicts.ts";

/** Options of {@linkcode buildPlacementModel}. */
export interface PlacementModelOptions {
  /** A valid placement of every buffer: the fixed buffers' offsets and the MIP start. */
  offsets: Float64Array;
  /** 1 for a buffer the model may move; default all. */
  free?: Uint8Array;
  /** No offset + size above it; default the arena of `offsets`. */
  upperBound?: number;
  /**
   * Free buffers stay at or above this offset (bytes; a multiple of the
   * alignment, default 0). The model measures every offset from it, which
   * keeps its numbers small when a sub-problem only repacks the top of a big
   * arena, and fixed buffers below it drop out.
   */
  floor?: number;
  /**
   * Lower bound (bytes) on `H`; default the larger of the problem's peak live
   * and the fixed buffers' tops. A sub-problem whose fixed buffers already reach
   * the arena passes 0, so `H` is the highest free top and can still drop.
   */
  lowerBound?: number;
}

/** A built placement model and what is needed to use its solution. */
export interface PlacementModel {
  readonly model: LinearModel;
  /** Bytes per model unit; model offsets count units from `floor`. */
  readonly unit: number;
  readonly arenaCol: number;
  /** Free buffers (positive size), and pairs that got a binary. */
  readonly freeCount: number;
  readonly pairCount: number;
  /** `offsets` as a point of the model. */
  readonly start: Float64Array;
  /** Offsets of every buffer: the fixed ones kept, the free ones from `values`. */
  decode(values: Float64Array): Float64Array;
}

/**
 * Builds the location ILP.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * import { solveModel } from "../highs/solve.ts";
 * import { placeFirstFit } from "../placers/first_fit.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * const greedy = placeFirstFit(problem);
 * const m = buildPlacementModel(problem, { offsets: greedy.offsets });
 * const r = await solveModel(m.model, { timeLimit: Infinity, mipStart: m.start });
 * const offsets = m.decode(r.values!);
 * assert.equal(offsets.length, 5);
 * ```
 */
export function buildPlacementModel(
  problem: PlacementProblem,
  options: PlacementModelOptions,
): PlacementModel {
  const bs = problem.buffers, n = bs.length;
  const offsets = options.offsets;
  const isFree = (i: number) => bs[i].size > 0 && (options.free ? options.free[i] === 1 : true);
  const align = problem.alignment ?? 1;
  let arena = 0;
  for (let i = 0; i < n; i++) if (bs[i].size > 0) arena = Math.max(arena, offsets[i] + bs[i].size);
  const upper = options.upperBound ?? arena;

  // g: GCD of the sizes and fixed offsets. Pushing every free buffer down until
  // it rests on 0 or on another buffer's top never raises the arena and puts
  // it at a multiple of g; when the alignment divides g that position is
  // aligned too, so offsets may be taken in units of g. Otherwise units of
  // gcd(alignment, g) keep the model exact.
  const floor = options.floor ?? 0;
  if (floor % align !== 0) throw new RangeError(`floor ${floor} is not a multiple of ${align}`);
  let g = floor;
  for (let i = 0; i < n; i++) {
    if (bs[i].size === 0) continue;
    g = gcd(g, bs[i].size);
    if (!isFree(i)) g = gcd(g, offsets[i]);
  }
  g ||= align;
  const unit = g % align === 0 ? g : gcd(align, g);
  const a = g % align === 0 ? 1 : align / unit;
  const ub = Math.floor((upper - floor) / unit);
  const size = (i: number) => bs[i].size / unit;
  const off = (i: number) => (offsets[i] - floor) / unit;

  const mb = new ModelBuilder("placement");
  const startValues: number[] = [];
  const col = new Int32Array(n).fill(-1);
  const kLo = new Float64Array(n), kHi = new Float64Array(n);
  let fixedTop = 0, freeCount = 0;
  for (let i = 0; i < n; i++) {
    if (bs[i].size === 0) continue;
    if (!isFree(i)) {
      fixedTop = Math.max(fixedTop, off(i) + size(i));
      continue;
    }
    freeCount++;
    kLo[i] = 0;
    kHi[i] = Math.floor((ub - size(i)) / a);
  }

  const freePairs: [number, number][] = [];
  const fixedPairs: [number, number][] = [];
  forEachConflictOf(problem, isFree, (i, j) => {
    if (isFree(i) && isFree(j)) freePairs.push([i, j]);
    else if (isFree(i)) fixedPairs.push([i, j]);
    else if (isFree(j)) fixedPairs.push([j, i]);
    return true;
  });

  // Fixed neighbours first: a side ruled out tightens k_i's bounds, which can
  // rule out sides of other neighbours, so repeat until nothing changes.
  const canBelow = (i: number, j: number) => Math.floor((off(j) - size(i)) / a) >= kLo[i];
  const canAbove = (i: number, j: number) => Math.ceil((off(j) + size(j)) / a) <= kHi[i];
  for (let changed = true; changed;) {
    changed = false;
    for (const [i, j] of fixedPairs) {
      const below = canBelow(i, j), above = canAbove(i, j);
      if (below && !above) {
        const hi = Math.floor((off(j) - size(i)) / a);
        if (hi < kHi[i]) [kHi[i], changed] = [hi, true];
      } else if (above && !below) {
        const lo = Math.ceil((off(j) + size(j)) / a);
        if (lo > kLo[i]) [kLo[i], changed] = [lo, true];
      } else if (!above && !below && kLo[i] <= kHi[i]) {
        kLo[i] = kHi[i] + 1; // no room: HiGHS will report the model infeasible
        changed = true;
      }
    }
  }
  for (let i = 0; i < n; i++) {
    if (!isFree(i)) continue;
    col[i] = mb.addVar(`k_${bs[i].id}`, { lower: kLo[i], upper: kHi[i], integer: true });
    startValues.push(off(i) / a);
  }
  const given = options.lowerBound !== undefined
    ? Math.ceil((options.lowerBound - floor) / unit)
    : Math.max(Math.ceil((problemPeakLive(problem) - floor) / unit), fixedTop);
  const lower = Math.max(0, given, loadBound(problem, isFree, off, size, given >= fixedTop));
  const arenaCol = mb.addVar("H", {
    lower: Math.min(ub, lower),
    upper: ub,
    integer: true,
    cost: 1,
  });
  startValues.push(Math.ceil((arena - floor) / unit));

  let pairCount = 0;
  for (const [i, j] of fixedPairs) {
    if (!canBelow(i, j) || !canAbove(i, j)) continue; // the bounds decided it
    const oj = off(j), sj = size(j), si = size(i);
    const y = mb.addVar(`y_${bs[i].id}_${bs[j].id}`, { upper: 1, integer: true });
    startValues.push(off(i) + si <= oj ? 1 : 0);
    pairCount++;
    // y = 1: i below j; y = 0: i above j.
    const m1 = kHi[i] * a + si - oj, m2 = oj + sj - kLo[i] * a;
    mb.addRow(`below_${bs[i].id}_${bs[j].id}`, [col[i], y], [a, m1], { upper: oj - si + m1 });
    mb.addRow(`above_${bs[i].id}_${bs[j].id}`, [col[i], y], [a, m2], { lower: oj + sj });
  }
  for (const [i, j] of freePairs) {
    const topI = kHi[i] * a + size(i), topJ = kHi[j] * a + size(j);
    if (topI <= kLo[j] * a || topJ <= kLo[i] * a) continue; // already apart
    const x = mb.addVar(`x_${bs[i].id}_${bs[j].id}`, { upper: 1, integer: true });
    startValues.push(off(i) + size(i) <= off(j) ? 1 : 0);
    pairCount++;
    // x = 1: i below j; x = 0: j below i.
    const m1 = topI - kLo[j] * a, m2 = topJ - kLo[i] * a;
    mb.addRow(`ij_${bs[i].id}_${bs[j].id}`, [col[i], col[j], x], [a, -a, m1], {
      upper: m1 - size(i),
    });
    mb.addRow(`ji_${bs[i].id}_${bs[j].id}`, [col[j], col[i], x], [a, -a, -m2], { upper: -size(j) });
  }
  for (let i = 0; i < n; i++) {
    if (col[i] >= 0) mb.addRow(`top_${bs[i].id}`, [col[i], arenaCol], [a, -1], { upper: -size(i) });
  }
  const model = mb.build();
  return {
    model,
    unit,
    arenaCol,
    freeCount,
    pairCount,
    start: Float64Array.from(startValues),
    decode(values) {
      const out = Float64Array.from(offsets);
      for (let i = 0; i < n; i++) {
        if (col[i] >= 0) out[i] = floor + Math.round(values[col[i]]) * a * unit;
      }
      return out;
    },
  };
}

/**
 * The sub-problem's own peak-live bound: at any time the free buffers live
 * then are stacked disjointly under `H`, so `H` is at least their total size.
 * When `H` is also above every fixed top, the parts of fixed buffers above the
 * floor live at that time are under `H` too and add to it. The big-M rows
 * alone leave this to branching, which never finishes on a stack of buffers
 * that all overlap in time.
 */
function loadBound(
  problem: PlacementProblem,
  isFree: (i: number) => boolean,
  off: (i: number) => number,
  size: (i: number) => number,
  withFixed: boolean,
): number {
  const buffers = [];
  for (let i = 0; i < problem.buffers.length; i++) {
    const b = problem.buffers[i];
    if (b.size === 0) continue;
    const load = isFree(i)
      ? size(i)
      : withFixed
      ? Math.max(0, off(i) + size(i) - Math.max(off(i), 0))
      : 0;
    if (load > 0) buffers.push({ id: b.id, lower: b.lower, upper: b.upper, size: load });
  }
  return problemPeakLive({ buffers });
}

function gcd(x: number, y: number): number {
  while (y) [x, y] = [y, x % y];
  return x;
}
