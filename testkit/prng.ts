/**
 * The one seeded pseudo-random source of the test kit, used by every test,
 * generator and benchmark that draws numbers itself (fast-check arbitraries
 * draw from fast-check's own source). mulberry32: 32 bits of state, so a seed
 * names a whole run and any counterexample replays from its seed alone.
 *
 * @module
 */

/**
 * A deterministic pseudo-random source uniform in [0, 1) (mulberry32).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seeded } from "./prng.ts";
 * const a = seeded(1), b = seeded(1);
 * assert.equal(a(), b());
 * ```
 */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A whole number uniform in `[lo, hi]` drawn from `random`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { randomInt, seeded } from "./prng.ts";
 * const x = randomInt(seeded(7), 3, 5);
 * assert.ok(x >= 3 && x <= 5);
 * ```
 */
export function randomInt(random: () => number, lo: number, hi: number): number {
  return lo + Math.floor(random() * (hi - lo + 1));
}
