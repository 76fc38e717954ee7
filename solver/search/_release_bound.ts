/**
 * Release bound: in a section, everything that cannot start below a level
 * must fit above it.
 *
 * At a node of the search every unplaced buffer has a lowest start it can
 * still reach (its "release"). In a section `s`, the buffers covering it whose
 * release is at least `r` all lie in `[r, capacity)`, so their footprints must
 * sum to at most `capacity - r`, for every level `r`. Only the releases of the
 * buffers covering `s` need checking: between two of them the sum stays the
 * same while the room shrinks, so the tightest level is a release. The
 * search's room check is the case `r` = the lowest release; the others catch
 * a section whose bottom can be reached only by small buffers while the large
 * ones wait high up — a gap below them that nothing can fill.
 *
 * Sums are kept per section while lifespans are short; when the buffers'
 * widths add up to more than a few times their count times log(sections),
 * they go in a range-add, range-max tree (_add_max_tree.ts) instead: the
 * same answer, without looping over every section of every long-lived
 * buffer (inception_v3's largest part: 1,653 buffers over 878 sections; the
 * checks of its first run took about 230 ms before, 80 ms after).
 *
 * @module
 */

import { AddMaxTree } from "./_add_max_tree.ts";

/** What a {@linkcode ReleaseBound} keeps of its part: per buffer, its footprint and lifespan. */
export interface ReleasePart {
  footprint: Float64Array;
  first: Int32Array;
  end: Int32Array;
}

/**
 * Checks the release bound of one node; one instance per search, which keeps
 * its working arrays and the last order of the buffers from call to call.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // One section of capacity 10. Buffer 0 (footprint 2) can start at 0,
 * // buffer 1 (footprint 8) only from 4: 8 > 10 - 4.
 * const bound = new ReleaseBound({
 *   footprint: Float64Array.of(2, 8), first: Int32Array.of(0, 0), end: Int32Array.of(1, 1),
 * });
 * const placed = Uint8Array.of(0, 0);
 * assert.equal(bound.holds(placed, Float64Array.of(0, 4), 10, 0, 1), false);
 * assert.equal(bound.holds(placed, Float64Array.of(0, 2), 10, 0, 1), true);
 * ```
 */
export class ReleaseBound {
  // Every buffer, the last call's unplaced ones first by descending release:
  // from node to node few releases change, so re-sorting costs little.
  #order: Int32Array;
  #list: Int32Array;
  #other: Int32Array;
  #above = new Float64Array(64);
  #tree: AddMaxTree | undefined; // for long lifespans, made at the first need
  #footprint: Float64Array;
  #first: Int32Array;
  #end: Int32Array;

  /** A bound for the buffers of `part`. */
  constructor(part: ReleasePart) {
    const n = part.footprint.length;
    this.#footprint = part.footprint;
    this.#first = part.first;
    this.#end = part.end;
    this.#order = new Int32Array(n);
    for (let b = 0; b < n; b++) this.#order[b] = b;
    this.#list = new Int32Array(n);
    this.#other = new Int32Array(n);
  }

  /**
   * Whether, in every section of `[from, to)` (default `[lo, hi)`), the
   * unplaced buffers lying within `[lo, hi)` whose `release` is at least `r`
   * fit between `r` and `capacity`, for each of their releases `r` but
   * `lowest` (default the lowest of them all): that one is the search's room
   * check (every section's unplaced footprints fit above its lowest release),
   * which the caller makes first. (The search's sides share no section, so the
   * unplaced buffers within a side's range are its members.) A caller that
   * knows the other sections to hold, their buffers' releases unchanged since
   * they did, checks only the sections of those that changed.
   */
  holds(
    placed: Uint8Array,
    release: Float64Array,
    capacity: number,
    lo: number,
    hi: number,
    from = lo,
    to = hi,
    lowest = NaN,
  ): boolean {
    if (from < lo) from = lo;
    if (to > hi) to = hi;
    if (from >= to) return true;
    if (this.#above.length < hi) this.#above = new Float64Array(2 * hi);
    const order = this.#order,
      list = this.#list,
      other = this.#other,
      n = order.length;
    const above = this.#above, first = this.#first, end = this.#end;
    const footprint = this.#footprint;
    let k = 0, r = 0, width = 0, least = Infinity;
    for (let i = 0; i < n; i++) {
      const b = order[i];
      if (placed[b] === 0 && first[b] >= lo && end[b] <= hi) {
        if (release[b] < least) least = release[b];
        if (first[b] < to && end[b] > from) {
          list[k++] = b;
          width += (end[b] < to ? end[b] : to) - (first[b] > from ? first[b] : from);
          continue;
        }
      }
      other[r++] = b;
    }
    if (lowest !== lowest) lowest = least;
    for (let i = 1; i < k; i++) {
      const v = list[i], kv = release[v];
      let j = i - 1;
      while (j >= 0 && release[list[j]] < kv) {
        list[j + 1] = list[j];
        j--;
      }
      list[j + 1] = v;
    }
    order.set(list.subarray(0, k));
    order.set(other.subarray(0, r), k);
    // Section by section while the lifespans are short, else in a tree (same
    // answer). A buffer costs the tree five climbs of log(sections) steps, each
    // several reads and writes: at 12 per step, not 4, the threshold leaves
    // mid-length lifespans (tight-5010: 153 buffers, 40 sections each, over
    // 151) to the plain loop, 9.3 -> 8.4 ms a search there, no change on the
    // fixtures.
    if (width > 12 * k * (32 - Math.clz32(hi)) + 2 * (to - from)) {
      return this.#holdsByTree(list, k, release, capacity, from, to, lowest);
    }
    above.fill(0, from, to);
    // Descending releases. A section is checked as each buffer is added: before the
    // last one of a release is in, the sum is smaller, so a failure is still real.
    // The lowest release needs no check: there every section holds all it still
    // has above its own lowest reach, which the search's room check already bounds.
    for (let i = 0; i < k; i++) {
      const b = list[i], rb = release[b];
      if (rb <= lowest) break;
      const f = footprint[b], room = capacity - rb;
      const e = end[b] < to ? end[b] : to;
      for (let s = first[b] > from ? first[b] : from; s < e; s++) {
        if ((above[s] += f) > room) return false;
      }
    }
    return true;
  }

  /** The loop of {@linkcode holds} over the sorted list, with sums kept in a tree. */
  #holdsByTree(
    list: Int32Array,
    k: number,
    release: Float64Array,
    capacity: number,
    from: number,
    to: number,
    lowest: number,
  ): boolean {
    if (this.#tree === undefined || this.#tree.size < to) {
      this.#tree = new AddMaxTree(Math.max(to, 2 * (this.#tree?.size ?? 0)));
    } else this.#tree.clear();
    const tree = this.#tree, first = this.#first, end = this.#end, footprint = this.#footprint;
    for (let i = 0; i < k; i++) {
      const b = list[i], rb = release[b];
      if (rb <= lowest) break;
      const s = first[b] > from ? first[b] : from, e = end[b] < to ? end[b] : to;
      if (tree.addMax(s, e, footprint[b]) > capacity - rb) return false;
    }
    return true;
  }
}
