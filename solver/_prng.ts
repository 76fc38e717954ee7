/**
 * The solver's seeded pseudo-random source, for the heuristics that jitter
 * their orders (the search's restarts, the skyline's later descents): the
 * same seed gives the same placement on any machine.
 *
 * @module
 */

/**
 * A small seeded PRNG (mulberry32): uniform in [0, 1).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const a = mulberry32(7), b = mulberry32(7);
 * const x = a();
 * assert.equal(x, b());
 * assert.ok(x >= 0 && x < 1);
 * ```
 */
export function mulberry32(seed: number): () => number {
  let a = seed | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
