/**
 * The buffers that stay put in a round of repacking (repack_peak.ts), kept
 * so that a lifted buffer finds the lowest (or smallest) gap among those it
 * meets quickly: in order of offset, with their lifespans and extents copied
 * side by side for one sequential pass; and by lifespan, so that a
 * short-lived lifted buffer picks out the few it meets and sorts only those.
 *
 * Why: each lifted buffer used to sort the spans of every staying buffer it
 * met. Lifted buffers often live long and meet most of the problem (9,000–
 * 17,000 of 20,000 buffers on the large generators), so a round of about a
 * hundred of them took 100–350 ms at 20,000 buffers and about two seconds at
 * a million, and ten seconds held three rounds. The gaps found are the same.
 *
 * @module
 */
import { sortedOrder } from "../../graph/sorted_order.ts";

/** One list of staying buffers by offset: lifespans and extents side by side. */
class SpanList {
  count = 0;
  lower: Float64Array;
  upper: Float64Array;
  start: Float64Array;
  end: Float64Array;

  constructor(capacity: number) {
    this.lower = new Float64Array(capacity);
    this.upper = new Float64Array(capacity);
    this.start = new Float64Array(capacity);
    this.end = new Float64Array(capacity);
  }
}

/**
 * The staying buffers of each round.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const lower = Float64Array.from([0, 0, 0]), upper = Float64Array.from([2, 2, 2]);
 * const size = Float64Array.from([4, 4, 4]), offsets = Float64Array.from([0, 8, 0]);
 * const fixed = new FixedBuffers({ lower, upper, size, offsets });
 * fixed.collect(Uint8Array.from([0, 0, 1]), 0, 2); // buffer 2 lifted
 * assert.equal(fixed.gapFor(2, [], offsets, false), 4); // between 0 and 1
 * ```
 */
export class FixedBuffers {
  readonly #lower: Float64Array;
  readonly #upper: Float64Array;
  readonly #size: Float64Array;
  readonly #offsets: Float64Array;
  readonly #byLower: Int32Array; // the buffers of positive size, by lower
  readonly #shortSpan: number; // lifespans up to this (the 99th percentile) are short
  #all: Int32Array; // the buffers of positive size, by offset (kept up to date)
  #moved: Uint8Array;
  #inRound: Uint8Array;
  #round: SpanList; // the staying buffers of the round, by offset
  #few: SpanList; // those meeting one lifted buffer, when few
  #short: Int32Array; // the short ones of the round, by lower
  #shortLower: Float64Array;
  #shortCount = 0;
  #long: Int32Array; // the long ones of the round
  #longCount = 0;
  #keys: Float64Array;
  #ids: Int32Array;

  /**
   * Over the buffers of positive `size` (footprints) at `offsets`, which
   * change only through {@linkcode moved}.
   */
  constructor(
    at: { lower: Float64Array; upper: Float64Array; size: Float64Array; offsets: Float64Array },
  ) {
    const { lower, upper, size, offsets } = at;
    this.#lower = lower;
    this.#upper = upper;
    this.#size = size;
    this.#offsets = offsets;
    const n = size.length;
    const positive: number[] = [];
    for (let i = 0; i < n; i++) if (size[i] > 0) positive.push(i);
    const m = positive.length;
    const pick = (key: (i: number) => number) =>
      Int32Array.from(sortedOrder(Float64Array.from(positive, key)), (k) => positive[k]);
    this.#byLower = pick((i) => lower[i]);
    this.#all = pick((i) => offsets[i]);
    const spans = Float64Array.from(positive, (i) => upper[i] - lower[i]).sort();
    this.#shortSpan = m > 0 ? spans[Math.floor(0.99 * (m - 1))] : 0;
    this.#moved = new Uint8Array(n);
    this.#inRound = new Uint8Array(n);
    this.#round = new SpanList(m);
    this.#few = new SpanList(m);
    this.#short = new Int32Array(m);
    this.#shortLower = new Float64Array(m);
    this.#long = new Int32Array(m);
    this.#keys = new Float64Array(m);
    this.#ids = new Int32Array(m);
  }

  /** After the buffers of `set` moved (in the offsets given at construction): merges them back in order. */
  moved(set: readonly number[]): void {
    const moved = this.#moved, all = this.#all, offsets = this.#offsets;
    for (const i of set) moved[i] = 1;
    const back = set.filter((i) => this.#size[i] > 0)
      .sort((x, y) => offsets[x] - offsets[y] || x - y);
    const merged = new Int32Array(all.length);
    let m = 0, b = 0;
    for (let k = 0; k < all.length; k++) {
      const j = all[k];
      if (moved[j]) continue;
      while (b < back.length && offsets[back[b]] < offsets[j]) merged[m++] = back[b++];
      merged[m++] = j;
    }
    while (b < back.length) merged[m++] = back[b++];
    for (const i of set) moved[i] = 0;
    this.#all = merged;
  }

  /** Starts a round: the buffers not `lifted` that share time with `[from, to)` stay. */
  collect(lifted: Uint8Array, from: number, to: number): void {
    const lower = this.#lower, upper = this.#upper, inRound = this.#inRound, all = this.#all;
    const list = this.#round, offsets = this.#offsets, size = this.#size;
    let m = 0;
    for (let k = 0; k < all.length; k++) {
      const i = all[k];
      if (lifted[i] || lower[i] >= to || upper[i] <= from) continue;
      inRound[i] = 1;
      list.lower[m] = lower[i];
      list.upper[m] = upper[i];
      list.start[m] = offsets[i];
      list.end[m++] = offsets[i] + size[i];
    }
    list.count = m;
    let s = 0, l = 0;
    for (const i of this.#byLower) {
      if (!inRound[i]) continue;
      inRound[i] = 0;
      if (upper[i] - lower[i] <= this.#shortSpan) {
        this.#short[s] = i;
        this.#shortLower[s++] = lower[i];
      } else this.#long[l++] = i;
    }
    this.#shortCount = s;
    this.#longCount = l;
  }

  /**
   * The offset for buffer `i` among the staying buffers and `placed` (this
   * round's, in order of their `placedAt` offsets) that share time with it:
   * the lowest gap that fits (first fit) or the smallest (best fit, lowest
   * of equal ones), else on top of them all.
   */
  gapFor(i: number, placed: readonly number[], placedAt: Float64Array, bestFit: boolean): number {
    const l = this.#lower[i], u = this.#upper[i];
    // Short ones meeting [l, u) start in (l - shortSpan, u).
    const first = this.#firstShortAbove(l - this.#shortSpan);
    const few = this.#longCount + this.#firstShortAbove(u, true) - first;
    let list = this.#round;
    if (16 * few < list.count) list = this.#gather(l, u, first);
    return this.#sweep(i, list, placed, placedAt, bestFit);
  }

  /** The staying buffers meeting `[l, u)`, by offset. */
  #gather(l: number, u: number, first: number): SpanList {
    const lower = this.#lower, upper = this.#upper, ids = this.#ids;
    let m = 0;
    for (let k = 0; k < this.#longCount; k++) {
      const j = this.#long[k];
      if (lower[j] < u && upper[j] > l) ids[m++] = j;
    }
    for (let k = first; k < this.#shortCount && this.#shortLower[k] < u; k++) {
      const j = this.#short[k];
      if (upper[j] > l) ids[m++] = j;
    }
    for (let k = 0; k < m; k++) this.#keys[k] = this.#offsets[ids[k]];
    const order = sortedOrder(this.#keys.subarray(0, m));
    const few = this.#few;
    for (let k = 0; k < m; k++) {
      const j = ids[order[k]];
      few.lower[k] = lower[j];
      few.upper[k] = upper[j];
      few.start[k] = this.#offsets[j];
      few.end[k] = this.#offsets[j] + this.#size[j];
    }
    few.count = m;
    return few;
  }

  /** The gap search over `list` and `placed`, both by offset, merged. */
  #sweep(
    i: number,
    list: SpanList,
    placed: readonly number[],
    placedAt: Float64Array,
    bestFit: boolean,
  ): number {
    const lower = this.#lower, upper = this.#upper, size = this.#size;
    const l = lower[i], u = upper[i], need = size[i];
    const { count } = list, lo = list.lower, up = list.upper, st = list.start, en = list.end;
    let cur = 0, best = -1, bestGap = Infinity;
    for (let a = 0, b = 0; a < count || b < placed.length;) {
      let s: number, e: number;
      const fb = b < placed.length ? placedAt[placed[b]] : Infinity;
      if (a < count && st[a] <= fb) {
        if (!(lo[a] < u && up[a] > l)) {
          a++;
          continue;
        }
        (s = st[a]), (e = en[a++]);
      } else {
        const j = placed[b++];
        if (!(lower[j] < u && upper[j] > l)) continue;
        (s = fb), (e = fb + size[j]);
      }
      const gap = s - cur;
      if (gap >= need) {
        if (!bestFit) return cur;
        if (gap < bestGap) (best = cur), (bestGap = gap);
      }
      if (e > cur) cur = e;
    }
    return best >= 0 ? best : cur;
  }

  /** Position of the first short buffer (by lower) whose lower is above `x` (or at least `x`, with `atLeast`). */
  #firstShortAbove(x: number, atLeast = false): number {
    let lo = 0, hi = this.#shortCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const v = this.#shortLower[mid];
      if (atLeast ? v < x : v <= x) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}
