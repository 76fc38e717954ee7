/**
 * Test support: buffer problems whose capacity is met exactly, built by
 * cutting a full strip of memory × time into rectangles, so that a placement
 * with no fragmentation is known to exist. Imported by tests.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";

/** Options of {@linkcode tightProblem}. */
export interface TightProblemOptions {
  /** Source of randomness in [0, 1). */
  random: () => number;
  /** Width of the strip: the capacity, and the peak live of the result. */
  capacity: number;
  /** Time steps of the strip. */
  horizon: number;
  /** Stop cutting at this many rectangles (or when none can be cut). */
  buffers: number;
  /** Sizes and the capacity are multiples of it; default 1. */
  alignment?: number;
}

/**
 * Cuts the strip `[0, horizon) × [0, capacity)` into `buffers` rectangles by
 * repeatedly splitting a random rectangle across time or across memory; each
 * rectangle becomes a buffer. Every time step is covered by exactly
 * `capacity` bytes, so capacity = peak live and the cut itself is a placement
 * that fits (returned as the buffers' `offset`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { problemPeakLive } from "../../graph/placement_problem.ts";
 * import { seeded } from "../../testkit/prng.ts";
 * const p = tightProblem({ random: seeded(1), capacity: 16, horizon: 8, buffers: 6 });
 * assert.equal(problemPeakLive(p), 16);
 * ```
 */
export function tightProblem(options: TightProblemOptions): PlacementProblem {
  const { random, capacity, horizon } = options;
  const align = options.alignment ?? 1;
  if (capacity % align !== 0) throw new Error("capacity must be a multiple of the alignment");
  const rects = [{ lower: 0, upper: horizon, offset: 0, size: capacity }];
  for (let tries = 0; rects.length < options.buffers && tries < 50 * options.buffers; tries++) {
    const k = Math.floor(random() * rects.length);
    const r = rects[k];
    if (random() < 0.5) {
      if (r.upper - r.lower < 2) continue;
      const t = r.lower + 1 + Math.floor(random() * (r.upper - r.lower - 1));
      rects.splice(k, 1, { ...r, upper: t }, { ...r, lower: t });
    } else {
      const units = r.size / align;
      if (units < 2) continue;
      const cut = (1 + Math.floor(random() * (units - 1))) * align;
      rects.splice(
        k,
        1,
        { ...r, size: cut },
        { ...r, offset: r.offset + cut, size: r.size - cut },
      );
    }
  }
  const p: PlacementProblem = {
    buffers: rects.map((r, i) => ({ id: `r${i}`, ...r })),
    capacity,
  };
  if (align !== 1) p.alignment = align;
  return p;
}
