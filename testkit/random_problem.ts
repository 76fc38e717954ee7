/**
 * Seeded random buffer problems (minimalloc's shape).
 *
 * @module
 */
import type { PlacementProblem } from "../graph/types.ts";
import { seeded } from "./prng.ts";

/**
 * A random buffer problem: `n` buffers, lifespans within `[0, horizon)`, sizes
 * in `[0, maxSize]` (some zero).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { randomProblem } from "./random_problem.ts";
 * assert.equal(randomProblem({ seed: 3, n: 50 }).buffers.length, 50);
 * ```
 */
export function randomProblem(
  options: { seed: number; n: number; horizon?: number; maxSize?: number; alignment?: number },
): PlacementProblem {
  const rnd = seeded(options.seed);
  const horizon = options.horizon ?? 40, maxSize = options.maxSize ?? 100;
  const buffers = [];
  for (let i = 0; i < options.n; i++) {
    const lower = Math.floor(rnd() * horizon);
    const upper = lower + 1 + Math.floor(rnd() * rnd() * (horizon - lower));
    const size = rnd() < 0.05 ? 0 : 1 + Math.floor(rnd() * maxSize);
    buffers.push({ id: `b${i}`, lower, upper, size });
  }
  const p: PlacementProblem = { buffers };
  if (options.alignment !== undefined) p.alignment = options.alignment;
  return p;
}
