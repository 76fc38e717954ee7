/**
 * Finds every pair of tensors that are resident at the same step and share
 * bytes, in O(E log E) without comparing all pairs.
 *
 * Two inclusive intervals intersect exactly when one of them starts while the
 * other is resident, so checking each tensor, as it is allocated, against the
 * tensors already resident finds every conflicting pair once. Among the
 * resident ranges, the number overlapping `[s, e)` is
 * `#{start < e} - #{end <= s}` (a range with `end <= s` also has `start < e`),
 * which two Fenwick trees over the ranked distinct addresses answer in
 * O(log E). Pairs are named by a scan of the resident set only while the capped
 * violation list has room, so a plan with a million overlaps stays cheap.
 *
 * @module
 */
import { orderBy32BitKeys, radixSort, radixSortable, sortedOrder } from "../graph/sorted_order.ts";
import { fresh, nestedScratch, type Scratch } from "../graph/scratch.ts";
import { coordinateRanks } from "./coordinate_ranks.ts";
import { RankSet } from "./rank_set.ts";
import type { ViolationLog } from "./violations.ts";

/** Inputs of {@linkcode checkOverlaps}; arrays are indexed by tensor. */
export interface OverlapInput {
  first: Int32Array;
  last: Int32Array;
  offsets: Float64Array;
  sizes: Float64Array;
  /** Names of the tensors: an array, or anything that names one on demand (`at`). */
  ids: TensorNames;
  /** Number of steps. */
  steps: number;
}

/**
 * What names tensor `i` (only when an overlap is listed): an array of ids is
 * one; a caller holding objects passes `{ at: (i) => objects[i].id }` and
 * builds no array of a million names.
 */
export interface TensorNames {
  at(i: number): string | undefined;
}

class Fenwick {
  readonly #tree: Int32Array;
  constructor(n: number) {
    this.#tree = new Int32Array(n + 1);
  }
  add(i: number, d: number): void {
    for (i++; i < this.#tree.length; i += i & -i) this.#tree[i] += d;
  }
  /** Sum over positions `0 … i-1`. */
  prefix(i: number): number {
    let s = 0;
    for (; i > 0; i -= i & -i) s += this.#tree[i];
    return s;
  }
}

/**
 * Counts every overlapping pair into `log` (kind `overlap`) and lists the first
 * ones while the log has room. Tensors of size 0 or without an offset (NaN) are
 * skipped. Returns the number of overlapping pairs. The sweep's arrays come
 * from `mem` when given (graph/scratch.ts).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { ViolationLog } from "./violations.ts";
 * // a [0, 1] and b [1, 2] share step 1 and bytes [4, 8)
 * const log = new ViolationLog();
 * const count = checkOverlaps({
 *   first: Int32Array.from([0, 1]),
 *   last: Int32Array.from([1, 2]),
 *   offsets: Float64Array.from([0, 4]),
 *   sizes: Float64Array.from([8, 8]),
 *   ids: ["a", "b"],
 *   steps: 3,
 * }, log);
 * assert.equal(count, 1);
 * assert.equal(log.list[0].kind, "overlap");
 * ```
 */
export function checkOverlaps(
  input: OverlapInput,
  log: ViolationLog,
  mem: Scratch = fresh,
): number {
  const { first, last, offsets, sizes, ids, steps } = input;
  const T = sizes.length;
  let m = 0;
  const placed = mem.int32(T, false); // read up to m
  for (let t = 0; t < T; t++) {
    if (sizes[t] > 0 && !Number.isNaN(offsets[t]) && first[t] <= last[t] && first[t] < steps) {
      placed[m++] = t;
    }
  }
  if (m < 2) return 0;
  // Offsets ranked first: the sort's own arrays are given back before the
  // buckets are made (scratch memory is a stack: graph/scratch.ts).
  const ranks = offsetRanks(offsets, placed, m, T, mem);
  // Bucket tensors by first step (allocation) and by last step (free after it).
  const byFirst = bucket(placed, m, first, steps, mem);
  const byLast = bucket(placed, m, last, steps, mem);
  // A plan to accept (the usual case) is proved so by a cheaper sweep; the
  // counting below, which ranks every address, runs only for one to reject.
  if (noOverlap(input, ranks, byFirst, byLast)) return 0;
  const coords = new Float64Array(2 * m);
  for (let i = 0; i < m; i++) {
    const t = placed[i];
    coords[2 * i] = offsets[t];
    coords[2 * i + 1] = offsets[t] + sizes[t];
  }
  const { rank, distinct: u } = coordinateRanks(coords);
  const startRank = new Int32Array(T), endRank = new Int32Array(T);
  for (let i = 0; i < m; i++) {
    startRank[placed[i]] = rank[2 * i];
    endRank[placed[i]] = rank[2 * i + 1];
  }
  const starts = new Fenwick(u), ends = new Fenwick(u);
  const resident: number[] = [];
  const residentPos = new Int32Array(T).fill(-1);
  let pairs = 0;
  for (let s = 0; s < steps; s++) {
    for (let k = byFirst.start[s]; k < byFirst.start[s + 1]; k++) {
      const t = byFirst.items[k];
      const sr = startRank[t], er = endRank[t];
      const n = starts.prefix(er) - ends.prefix(sr + 1);
      if (n > 0) {
        pairs += n;
        log.tally("overlap", n);
        if (log.hasRoom) listPartners(t, s, resident, offsets, sizes, ids, log);
      }
      starts.add(sr, 1);
      ends.add(er, 1);
      residentPos[t] = resident.length;
      resident.push(t);
    }
    for (let k = byLast.start[s]; k < byLast.start[s + 1]; k++) {
      const t = byLast.items[k];
      starts.add(startRank[t], -1);
      ends.add(endRank[t], -1);
      const p = residentPos[t], moved = resident[resident.length - 1];
      resident[p] = moved;
      residentPos[moved] = p;
      resident.pop();
    }
  }
  return pairs;
}

/**
 * True when no two of the bucketed tensors are resident at once and share
 * bytes: the same steps as {@linkcode checkOverlaps}, the resident tensors in
 * a {@linkcode RankSet} by the rank of their offset. The residents being
 * disjoint, their ends rise with their offsets, so a new range meets one
 * exactly when it meets the resident ranked just below it or just above it.
 */
function noOverlap(
  input: OverlapInput,
  ranks: OffsetRanks,
  byFirst: Buckets,
  byLast: Buckets,
): boolean {
  const { sizes, steps } = input;
  const { startAt, order, rankOf } = ranks;
  const m = order.length;
  const endAt = (r: number) => startAt[r] + sizes[order[r]];
  const resident = new RankSet(m);
  for (let s = 0; s < steps; s++) {
    for (let k = byFirst.start[s]; k < byFirst.start[s + 1]; k++) {
      const r = rankOf[byFirst.items[k]];
      const below = resident.below(r), above = resident.above(r);
      if (below >= 0 && endAt(below) > startAt[r]) return false;
      if (above >= 0 && startAt[above] < endAt(r)) return false;
      resident.add(r);
    }
    for (let k = byLast.start[s]; k < byLast.start[s + 1]; k++) {
      resident.delete(rankOf[byLast.items[k]]);
    }
  }
  return true;
}

/** The placed tensors by the rank of their offset (equal offsets ranked apart). */
interface OffsetRanks {
  /** Offset of the tensor of each rank, ascending. */
  startAt: Float64Array;
  /** Tensor of each rank. */
  order: Int32Array;
  /** Rank of each placed tensor (by tensor). */
  rankOf: Int32Array;
}

/** Ranks the offsets of `placed[0 … m-1]`, with arrays from `mem`. */
function offsetRanks(
  offsets: Float64Array,
  placed: Int32Array,
  m: number,
  T: number,
  mem: Scratch,
): OffsetRanks {
  // Integer offsets (the usual) are sorted by their top 32 bits, or by both
  // words of the radix sort when many share those. Ends are read through the
  // tensor of a rank: at a million tensors two arrays by rank were 16 MB of
  // fresh memory.
  const startAt = mem.float64(m, false), order = mem.int32(m, false);
  for (let i = 0; i < m; i++) startAt[i] = offsets[placed[i]];
  // The sort's words and positions only while it runs.
  nestedScratch(mem, (mem) => {
    if (!radixSortable(startAt)) order.set(sortedOrder(startAt));
    else if (!orderBy32BitKeys(startAt, order, mem)) {
      order.set(radixSort(startAt, { keys: false, mem }).pos);
    }
  });
  for (let r = 0; r < m; r++) startAt[r] = offsets[placed[order[r]]];
  const rankOf = mem.int32(T, false); // read for placed tensors only
  for (let r = 0; r < m; r++) {
    const t = placed[order[r]];
    rankOf[t] = r;
    order[r] = t; // now the tensor of each rank
  }
  return { startAt, order, rankOf };
}

/** Tensors by step: those of step `s` are `items[start[s] … start[s + 1])`. */
interface Buckets {
  start: Int32Array;
  items: Int32Array;
}

function listPartners(
  t: number,
  step: number,
  resident: number[],
  offsets: Float64Array,
  sizes: Float64Array,
  ids: TensorNames,
  log: ViolationLog,
): void {
  const s = offsets[t], e = s + sizes[t];
  for (const r of resident) {
    if (!log.hasRoom) return;
    const rs = offsets[r], re = rs + sizes[r];
    if (rs < e && s < re) {
      log.keep({
        kind: "overlap",
        step,
        tensors: [ids.at(r)!, ids.at(t)!],
        ranges: [[rs, re], [s, e]],
      });
    }
  }
}

function bucket(
  items: Int32Array,
  m: number,
  key: Int32Array,
  steps: number,
  mem: Scratch,
): Buckets {
  // Counts at start[s + 1], summed there to where bucket s ends; filled
  // from the back, each end moves down to where its bucket begins, so
  // start[s + 1] is that (no second array of positions), and start[steps + 1],
  // never moved, is m.
  const start = mem.int32(steps + 2);
  for (let i = 0; i < m; i++) start[Math.min(key[items[i]], steps - 1) + 1]++;
  for (let s = 1; s < start.length; s++) start[s] += start[s - 1];
  const out = mem.int32(m, false);
  for (let i = m - 1; i >= 0; i--) {
    const t = items[i];
    out[--start[Math.min(key[t], steps - 1) + 1]] = t;
  }
  return { start: start.subarray(1), items: out };
}
