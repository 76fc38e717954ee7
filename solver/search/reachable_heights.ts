/**
 * The heights an optimal arena can take. Push every buffer of a placement
 * down until it rests on the floor or on the (aligned) top of a buffer below
 * it: nothing rises, so the arena does not grow, and every offset becomes a
 * sum of rounded sizes of a chain of buffers. The arena of some optimal
 * placement is then `R + s`, `R` a sum of sizes rounded up to the alignment
 * and `s` the size of the top buffer. A height refuted by the exact search
 * therefore proves not only the next byte but the next such height.
 *
 * Sizes are counted in units of their greatest common divisor (often 1024 or
 * more), in a bitset capped at {@linkcode MAX_UNITS} units; past the cap, or
 * past {@linkcode MAX_WORK} word operations, every height counts as reachable
 * (a weaker bound, never a wrong one).
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";

/** Most units (height / gcd) the bitset covers. */
export const MAX_UNITS = 1 << 24;
/** Most 32-bit word operations spent on the subset sums. */
export const MAX_WORK = 5e7;

/** The heights an optimal arena can take, up to a cap; see the module doc. */
export interface ReachableHeights {
  /** The smallest height ≥ `h` that may be reachable (past the cap: the next multiple of the gcd). */
  atLeast(h: number): number;
  /** The largest reachable height ≤ `h`, or -1 when none is (0 included: no buffer). */
  atMost(h: number): number;
  /** Whether the heights were computed (false: every height counts as reachable). */
  readonly exact: boolean;
}

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Every height reachable: what is known when the subset sums are too costly. */
const EVERY: ReachableHeights = {
  atLeast: (h) => h,
  atMost: (h) => h,
  exact: false,
};

/**
 * The reachable heights up to `cap` (at least the greedy arena: a bound
 * never needs more).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const h = reachableHeights({ buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 3072 },
 *   { id: "b", lower: 1, upper: 3, size: 2048 },
 * ] }, 8192);
 * assert.equal(h.atLeast(3073), 5120); // 3072 + 2048: nothing between counts
 * assert.equal(h.atMost(5119), 3072);
 * assert.equal(h.atMost(1000), 0); // no buffer at all
 * ```
 */
export function reachableHeights(problem: PlacementProblem, cap: number): ReachableHeights {
  const align = problem.alignment ?? 1;
  const sizes = problem.buffers.map((b) => b.size).filter((s) => s > 0);
  if (sizes.length === 0 || !Number.isFinite(cap)) return EVERY;
  const rounded = sizes.map((s) => Math.ceil(s / align) * align);
  let g = 0;
  for (const s of sizes) g = gcd(g, s);
  for (const r of rounded) g = gcd(g, r);
  const units = Math.floor(cap / g) + 1;
  if (units > MAX_UNITS) return EVERY;
  const words = Math.ceil((units + 1) / 32);
  // Rounded sizes repeat: one shift per copy, but a copy past what the cap holds is skipped.
  const counts = new Map<number, number>();
  for (const r of rounded) counts.set(r / g, (counts.get(r / g) ?? 0) + 1);
  const tops = [...new Set(sizes.map((s) => s / g))];
  let shifts = 0;
  for (const [u, c] of counts) shifts += Math.min(c, Math.ceil(units / u));
  if ((shifts + (align === 1 ? 0 : tops.length)) * words > MAX_WORK) return EVERY;
  // Subset sums of the rounded sizes (every chain below the top buffer).
  const below = new Uint32Array(words);
  below[0] = 1;
  for (const [u, c] of counts) {
    for (let k = Math.min(c, Math.ceil(units / u)); k > 0; k--) orShifted(below, below, u);
  }
  // With alignment 1 a chain with its top is itself a subset sum.
  let heights = below;
  if (align !== 1) {
    heights = new Uint32Array(words);
    heights[0] = 1; // no buffer of positive size at all
    for (const t of tops) orShifted(heights, below, t);
  }
  const has = (u: number) => (heights[u >>> 5] >>> (u & 31) & 1) === 1;
  return {
    exact: true,
    atLeast(h) {
      // Every height is a multiple of g, those past the bitset included.
      let u = Math.max(0, Math.ceil(h / g));
      while (u < units && !has(u)) u++;
      return u * g;
    },
    atMost(h) {
      if (h >= units * g) return h;
      let u = Math.floor(h / g);
      while (u >= 0 && !has(u)) u--;
      return u < 0 ? -1 : u * g;
    },
  };
}

/** `into |= from << shift` (bit positions), from the top down so `into` may be `from`. */
function orShifted(into: Uint32Array, from: Uint32Array, shift: number): void {
  const w = Math.floor(shift / 32), b = shift % 32;
  for (let i = into.length - 1; i >= w; i--) {
    const lo = from[i - w];
    const carry = b === 0 || i - w - 1 < 0 ? 0 : from[i - w - 1] >>> (32 - b);
    into[i] |= b === 0 ? lo : (lo << b) | carry;
  }
}
