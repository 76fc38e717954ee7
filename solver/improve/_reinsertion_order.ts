/**
 * The order in which a greedy round of the repacking (repack_peak.ts) puts
 * its lifted buffers back, and its gap policy, drawn at random: largest
 * first by size, by lifespan or by area (with some noise), into the lowest
 * or the smallest gap that fits; or in order of their current offsets into
 * the lowest gap (settling).
 *
 * Why settling: the orders by size, lifespan and area rebuild the window
 * from scratch. Where the height is decided almost everywhere (random
 * lifespans and sizes, bench/generators/random_intervals.ts), about three
 * rounds in four then end above the height and are dropped, and those kept
 * mostly shuffle the same buffers between the same slots at the top. Put
 * back bottom-up into the lowest gap, each buffer keeps its place or drops
 * into a hole below it, so the holes under the top close a few at a time
 * while the rest of the window's layout stays.
 *
 * @module
 */

/** How many orders {@linkcode reinsertionOrder} draws from. */
const ORDERS = 4;

/** The buffers' lifespans, footprints and offsets (by buffer) that the orders read. */
export interface ReinsertionColumns {
  lower: ArrayLike<number>;
  upper: ArrayLike<number>;
  size: ArrayLike<number>;
  offsets: ArrayLike<number>;
}

/**
 * Sorts `set` (buffer ids) into the order in which to put them back; says
 * whether to use the smallest gap that fits (best fit) rather than the
 * lowest. `random` draws the order (uniform in [0, 1)).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { reinsertionOrder } from "./_reinsertion_order.ts";
 * const at = {
 *   lower: [0, 0, 0], upper: [1, 1, 1], size: [4, 8, 2], offsets: [8, 0, 14],
 * };
 * const set = [0, 1, 2];
 * const bestFit = reinsertionOrder(set, at, () => 0.9); // the last order: settling
 * assert.deepEqual([set, bestFit], [[1, 0, 2], false]); // by offset, lowest gap
 * ```
 */
export function reinsertionOrder(
  set: number[],
  at: ReinsertionColumns,
  random: () => number,
): boolean {
  const { lower, upper, size, offsets } = at;
  const noise = 0.3 * random();
  const kind = Math.floor(random() * ORDERS);
  if (kind === ORDERS - 1) {
    set.sort((x, y) => offsets[x] - offsets[y] || x - y);
    return false;
  }
  const key = new Map(set.map((i) => {
    const k = kind === 0
      ? size[i]
      : kind === 1
      ? upper[i] - lower[i]
      : size[i] * (upper[i] - lower[i]);
    return [i, k * (1 + noise * (random() - 0.5))];
  }));
  set.sort((x, y) => key.get(y)! - key.get(x)!);
  return random() < 0.5;
}
