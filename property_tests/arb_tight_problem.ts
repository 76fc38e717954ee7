/**
 * Buffer problems whose optimum is known by construction: a strip of
 * `horizon` steps by `height` bytes is cut into rectangles (guillotine cuts,
 * in time or in address), and every rectangle becomes a buffer. The strip is
 * full at every step, so peak live is `height`, the cut placement reaches it,
 * and no placement can do better: the capacity is set to `height`, the
 * lower bound, and only a perfect packing fits.
 *
 * @module
 */
import fc from "npm:fast-check@4.10.2";
import type { PlacementProblem } from "../graph/types.ts";

/** Constraints of {@linkcode arbTightProblem}. */
export interface TightProblemConstraints {
  /** Steps of the strip; default 1 … 8. */
  maxHorizon?: number;
  /** Bytes of the strip (before alignment); default 1 … 16. */
  maxHeight?: number;
  /** Most buffers; default 10. */
  maxBuffers?: number;
  /** Alignments to draw from; every size and offset is a multiple. Default [1, 1, 1, 4]. */
  alignments?: readonly number[];
  /** Most zero-size buffers added at random (they change nothing); default 2. */
  maxZeroBuffers?: number;
}

/** A tight problem, the placement it was cut from, and its optimum. */
export interface TightProblem {
  /** Capacity = optimum. */
  problem: PlacementProblem;
  /** The cut placement, per buffer (0 for zero-size ones). */
  offsets: Float64Array;
  /** The least arena of any placement: the strip's height. */
  optimum: number;
}

interface Rect {
  t0: number;
  t1: number;
  y0: number;
  y1: number;
}

/**
 * A tight buffer problem with its known optimal placement.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import fc from "npm:fast-check@4.10.2";
 * import { problemPeakLive } from "../graph/placement_problem.ts";
 * for (const { problem, optimum } of fc.sample(arbTightProblem(), { numRuns: 20, seed: 1 })) {
 *   assert.equal(problemPeakLive(problem), optimum);
 * }
 * ```
 */
export function arbTightProblem(c: TightProblemConstraints = {}): fc.Arbitrary<TightProblem> {
  const maxBuffers = Math.max(1, c.maxBuffers ?? 10);
  return fc.record({
    horizon: fc.integer({ min: 1, max: c.maxHorizon ?? 8 }),
    height: fc.integer({ min: 1, max: c.maxHeight ?? 16 }),
    cuts: fc.array(fc.record({ pick: fc.nat(), inTime: fc.boolean(), at: fc.nat() }), {
      maxLength: maxBuffers - 1,
    }),
    shuffle: fc.array(fc.nat(), { minLength: maxBuffers, maxLength: maxBuffers }),
    alignment: fc.constantFrom(...(c.alignments ?? [1, 1, 1, 4])),
    zeros: fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: c.maxZeroBuffers ?? 2 }),
  }).map((r) => {
    let rects: Rect[] = [{ t0: 0, t1: r.horizon, y0: 0, y1: r.height }];
    for (const cut of r.cuts) rects = applyCut(rects, cut);
    const order = rects.map((_, i) => i).sort((a, b) => r.shuffle[a] - r.shuffle[b] || a - b);
    const a = r.alignment;
    const buffers = order.map((i, k) => ({
      id: `b${k}`,
      lower: rects[i].t0,
      upper: rects[i].t1,
      size: (rects[i].y1 - rects[i].y0) * a,
    }));
    const offsets = order.map((i) => rects[i].y0 * a);
    r.zeros.forEach(([lo, len], k) => {
      const lower = lo % r.horizon;
      buffers.push({ id: `z${k}`, lower, upper: lower + 1 + (len % (r.horizon - lower)), size: 0 });
      offsets.push(0);
    });
    const optimum = r.height * a;
    const problem: PlacementProblem = { buffers, capacity: optimum };
    if (a > 1) problem.alignment = a;
    return { problem, offsets: Float64Array.from(offsets), optimum };
  });
}

/** Cuts the picked rectangle in the asked direction, or the other one if it is one unit thin. */
function applyCut(rects: Rect[], cut: { pick: number; inTime: boolean; at: number }): Rect[] {
  const i = cut.pick % rects.length;
  const r = rects[i];
  const canTime = r.t1 - r.t0 >= 2, canSpace = r.y1 - r.y0 >= 2;
  if (!canTime && !canSpace) return rects;
  const inTime = canTime && (cut.inTime || !canSpace);
  const halves: Rect[] = [];
  if (inTime) {
    const t = r.t0 + 1 + (cut.at % (r.t1 - r.t0 - 1));
    halves.push({ ...r, t1: t }, { ...r, t0: t });
  } else {
    const y = r.y0 + 1 + (cut.at % (r.y1 - r.y0 - 1));
    halves.push({ ...r, y1: y }, { ...r, y0: y });
  }
  return [...rects.slice(0, i), ...halves, ...rects.slice(i + 1)];
}
