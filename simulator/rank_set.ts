/**
 * A set of ranks `0 … n-1` with the nearest member below or above any rank:
 * bit words in levels, each bit of a level saying whether a word of the level
 * under it has a bit set (32-way, four levels for a million ranks). Every
 * operation touches a few words; at a million ranks the bottom level is 125
 * KiB, in cache where a search tree over the same members would not be.
 *
 * @module
 */

/**
 * Members among `0 … n-1`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { RankSet } from "./rank_set.ts";
 * const set = new RankSet(100);
 * set.add(3);
 * set.add(70);
 * assert.deepEqual([set.below(70), set.above(3), set.below(3), set.above(70)], [3, 70, -1, -1]);
 * set.delete(3);
 * assert.equal(set.below(70), -1);
 * ```
 */
export class RankSet {
  /** Level 0 holds one bit a rank; level k + 1 one bit a word of level k. */
  readonly #levels: Int32Array[] = [];

  constructor(n: number) {
    let bits = Math.max(1, n);
    do {
      const words = (bits + 31) >>> 5;
      this.#levels.push(new Int32Array(words));
      bits = words;
    } while (bits > 1);
  }

  add(r: number): void {
    for (const level of this.#levels) {
      const w = r >>> 5, was = level[w];
      level[w] = was | (1 << (r & 31));
      if (was !== 0) return; // the levels above know this word already
      r = w;
    }
  }

  delete(r: number): void {
    for (const level of this.#levels) {
      const w = r >>> 5, now = level[w] & ~(1 << (r & 31));
      level[w] = now;
      if (now !== 0) return; // the word still has members: the levels above stay
      r = w;
    }
  }

  /** The greatest member below `r`, or -1. */
  below(r: number): number {
    const levels = this.#levels;
    let k = 0;
    // Up while the word holding r has no member below it.
    for (; k < levels.length; k++) {
      const b = r & 31;
      const below = b === 0 ? 0 : levels[k][r >>> 5] & (-1 >>> (32 - b));
      if (below !== 0) {
        r = (r & ~31) | (31 - Math.clz32(below));
        break;
      }
      r >>>= 5;
    }
    if (k === levels.length) return -1;
    // Down, taking the highest member of each word.
    for (; k > 0; k--) r = (r << 5) | (31 - Math.clz32(levels[k - 1][r]));
    return r;
  }

  /** The least member above `r`, or -1. */
  above(r: number): number {
    const levels = this.#levels;
    let k = 0;
    for (; k < levels.length; k++) {
      const b = r & 31;
      const above = b === 31 ? 0 : levels[k][r >>> 5] & (-1 << (b + 1));
      if (above !== 0) {
        r = (r & ~31) | lowestBit(above);
        break;
      }
      r >>>= 5;
    }
    if (k === levels.length) return -1;
    for (; k > 0; k--) r = (r << 5) | lowestBit(levels[k - 1][r]);
    return r;
  }
}

/** Index of the lowest set bit of a non-zero word. */
function lowestBit(x: number): number {
  return 31 - Math.clz32(x & -x);
}
