/**
 * The seeded source of randomness of the generators: same seed, same
 * instance, on every machine.
 *
 * @module
 */

/**
 * A small seeded PRNG (mulberry32), uniform in [0, 1).
 *
 * @example
 * ```ts
 * const r = seededRandom(7);
 * r() === seededRandom(7)(); // true
 * ```
 */
export function seededRandom(seed: number): () => number {
  let a = (seed * 0x9e3779b1) >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A uniform integer in `[lo, hi]`.
 *
 * @example
 * ```ts
 * randomInt(seededRandom(1), 3, 5); // 3, 4 or 5
 * ```
 */
export function randomInt(random: () => number, lo: number, hi: number): number {
  return lo + Math.floor(random() * (hi - lo + 1));
}
