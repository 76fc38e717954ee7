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

/** One buffer as a property test draws it: a start, a length and a size. */
export interface BufferRow {
  lower: number;
  length: number;
  size: number;
}

/**
 * The problem of drawn `rows`: buffer `i` is `b{i}`, alive for `length` steps
 * from `lower`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { problemOfRows } from "./random_problem.ts";
 * assert.deepEqual(problemOfRows([{ lower: 2, length: 3, size: 8 }]), {
 *   buffers: [{ id: "b0", lower: 2, upper: 5, size: 8 }],
 * });
 * ```
 */
export function problemOfRows(rows: readonly BufferRow[]): PlacementProblem {
  return {
    buffers: rows.map((r, i) => ({
      id: `b${i}`,
      lower: r.lower,
      upper: r.lower + r.length,
      size: r.size,
    })),
  };
}
