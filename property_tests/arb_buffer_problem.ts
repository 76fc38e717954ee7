/**
 * Fixed-lifetime buffer problems in the minimalloc shape (FORMAT.md §4):
 * buffers with half-open lifespans `[lower, upper)` and sizes (some zero),
 * maybe an alignment and a capacity.
 *
 * @module
 */
import fc from "npm:fast-check@4.10.2";
import type { PlacementProblem } from "../graph/types.ts";
import { type IdStyle, makeId } from "./_ids.ts";
import { type AlignmentConstraints, arbAlignment } from "./arb_alignment.ts";
import { arbSize, type SizeConstraints } from "./arb_size.ts";

/** Constraints of {@linkcode arbBufferProblem}. */
export interface BufferProblemConstraints extends SizeConstraints {
  /** Buffers; default 0 … 12. */
  minBuffers?: number;
  maxBuffers?: number;
  /** Lifespans lie within `[0, horizon)`; default 10. */
  horizon?: number;
  alignment?: AlignmentConstraints;
  /** Chance, in percent, of a capacity (anywhere from 0 to the sum of sizes); default 0. */
  capacityPercent?: number;
  /** Default `plain`. */
  idStyle?: IdStyle;
}

/**
 * A random buffer problem.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import fc from "npm:fast-check@4.10.2";
 * for (const p of fc.sample(arbBufferProblem({ maxBuffers: 6 }), { numRuns: 20, seed: 1 })) {
 *   assert.ok(p.buffers.length <= 6);
 *   assert.ok(p.buffers.every((b) => b.lower < b.upper));
 * }
 * ```
 */
export function arbBufferProblem(c: BufferProblemConstraints = {}): fc.Arbitrary<PlacementProblem> {
  const horizon = Math.max(1, c.horizon ?? 10);
  const buffer = fc.record({
    lower: fc.nat(horizon - 1),
    length: fc.integer({ min: 1, max: horizon }),
    size: arbSize(c),
  });
  const capacityPercent = c.capacityPercent ?? 0;
  return fc.record({
    buffers: fc.array(buffer, { minLength: c.minBuffers ?? 0, maxLength: c.maxBuffers ?? 12 }),
    alignment: arbAlignment(c.alignment),
    capacityShare: capacityPercent > 0
      ? fc.oneof(
        { weight: Math.max(1, 100 - capacityPercent), arbitrary: fc.constant(null) },
        { weight: Math.min(100, capacityPercent), arbitrary: fc.integer({ min: 0, max: 100 }) },
      )
      : fc.constant(null),
  }).map(({ buffers, alignment, capacityShare }) => {
    const problem: PlacementProblem = {
      buffers: buffers.map((b, i) => ({
        id: makeId("b", i, c.idStyle ?? "plain"),
        lower: b.lower,
        upper: Math.min(b.lower + b.length, horizon),
        size: b.size,
      })),
    };
    if (alignment !== undefined) problem.alignment = alignment;
    if (capacityShare !== null) {
      const total = buffers.reduce((s, b) => s + b.size, 0);
      problem.capacity = Math.round(capacityShare * total / 100);
    }
    return problem;
  });
}
