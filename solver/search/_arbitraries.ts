/**
 * Test support: fast-check arbitraries of buffer problems for the search's
 * properties. Imported by tests only.
 *
 * @module
 */
import fc from "npm:fast-check@4.10.2";
import type { Buffer, PlacementProblem } from "../../graph/types.ts";
import { seeded } from "../../testkit/mod.ts";
import { tightProblem } from "./_tight_problems.ts";

/** Constraints of {@linkcode smallProblem}. */
export interface SmallProblemConstraints {
  /** Most buffers (copies included); default 7. */
  maxBuffers?: number;
  /** Largest size; default 4 (some sizes are 0). */
  maxSize?: number;
  /** Largest capacity drawn, when one is; default 12. */
  maxCapacity?: number;
}

/**
 * Small problems a brute force can settle: up to 7 buffers over a few steps,
 * small sizes (a few zero), some exact copies and some same-lifespan twins
 * (the search prunes those by symmetry), alignment 1, 2 or 3, and sometimes
 * a capacity.
 *
 * @example
 * ```ts
 * import fc from "npm:fast-check@4.10.2";
 * fc.assert(fc.property(smallProblem(), (p) => p.buffers.length <= 7), { seed: 1 });
 * ```
 */
export function smallProblem(c: SmallProblemConstraints = {}): fc.Arbitrary<PlacementProblem> {
  const maxBuffers = c.maxBuffers ?? 7, maxSize = c.maxSize ?? 4;
  const buffer = fc.record({
    lower: fc.integer({ min: 0, max: 5 }),
    length: fc.integer({ min: 1, max: 4 }),
    size: fc.oneof(
      { weight: 1, arbitrary: fc.constant(0) },
      { weight: 12, arbitrary: fc.integer({ min: 1, max: maxSize }) },
    ),
    // Copy an earlier buffer's lifespan (and maybe its size) instead.
    copyOf: fc.option(fc.nat(), { freq: 3, nil: undefined }),
    sameSize: fc.boolean(),
  });
  return fc.record({
    buffers: fc.array(buffer, { maxLength: maxBuffers }),
    alignment: fc.constantFrom(1, 1, 1, 2, 3),
    capacity: fc.option(fc.integer({ min: 0, max: c.maxCapacity ?? 12 }), { nil: undefined }),
  }).map(({ buffers, alignment, capacity }) => {
    const out: Buffer[] = [];
    buffers.forEach((b, i) => {
      let lower = b.lower, upper = b.lower + b.length, size = b.size;
      if (b.copyOf !== undefined && i > 0) {
        const o = out[b.copyOf % i];
        lower = o.lower;
        upper = o.upper;
        if (b.sameSize) size = o.size;
      }
      out.push({ id: `b${i}`, lower, upper, size });
    });
    const p: PlacementProblem = { buffers: out };
    if (alignment !== 1) p.alignment = alignment;
    if (capacity !== undefined) p.capacity = capacity;
    return p;
  });
}

/**
 * Problems whose capacity equals their peak live by construction (a full
 * strip cut into rectangles, see tightProblem): a fit is known to exist.
 *
 * @example
 * ```ts
 * import fc from "npm:fast-check@4.10.2";
 * import { problemPeakLive } from "../../graph/placement_problem.ts";
 * fc.assert(
 *   fc.property(tightArbitrary(), (p) => problemPeakLive(p) === p.capacity),
 *   { seed: 1 },
 * );
 * ```
 */
export function tightArbitrary(
  c: { maxBuffers?: number } = {},
): fc.Arbitrary<PlacementProblem> {
  return fc.record({
    seed: fc.nat(),
    units: fc.integer({ min: 2, max: 24 }),
    alignment: fc.constantFrom(1, 1, 4),
    horizon: fc.integer({ min: 1, max: 12 }),
    buffers: fc.integer({ min: 1, max: c.maxBuffers ?? 30 }),
  }).map(({ seed, units, alignment, horizon, buffers }) => {
    const p = tightProblem({
      random: seeded(seed),
      capacity: units * alignment,
      horizon,
      buffers,
      alignment,
    });
    // The cut itself stays out of the search's view.
    return { ...p, buffers: p.buffers.map(({ offset: _, ...b }) => b) };
  });
}
