/**
 * Tight placement problems with a known optimum: a capacity × time rectangle
 * cut into random sub-rectangles, each a buffer. Every time step is covered
 * by exactly `capacity` bytes, so peak live = capacity = the optimum, and the
 * cut itself is a placement that reaches it.
 *
 * Shaped like MiniMalloc's challenging suite (capacity and horizon 2^20,
 * sizes and times multiples of 1024, 150–500 buffers) but drawn afresh from
 * each seed; how the pieces are chosen and cut varies from seed to seed, so
 * no one distribution is special.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";
import { randomInt, seededRandom } from "./prng.ts";

/** Options of {@linkcode tightInstance}. */
export interface TightOptions {
  seed: number;
  /** Number of buffers; default drawn in [150, 500] from the seed. */
  buffers?: number;
  /** Bytes; default 2^20. A multiple of `unit`. */
  capacity?: number;
  /** Time steps; default 2^20. A multiple of `unit`. */
  horizon?: number;
  /** Sizes and times are multiples of it; default 1024. */
  unit?: number;
}

/** A generated problem and a placement known to reach its optimum. */
export interface GeneratedInstance {
  name: string;
  problem: PlacementProblem;
  /** Offsets of the construction, per buffer. */
  known: Float64Array;
  /** The capacity the known placement fits in. */
  capacity: number;
}

interface Rect {
  lower: number;
  upper: number;
  offset: number;
  size: number;
}

/**
 * Cuts the strip into rectangles (see the module comment). Buffers are listed
 * in a random order, so their index tells nothing about the construction.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { problemPeakLive } from "../../graph/placement_problem.ts";
 * import { tightInstance } from "./tight.ts";
 * const t = tightInstance({ seed: 1 });
 * assert.equal(problemPeakLive(t.problem), t.capacity);
 * ```
 */
export function tightInstance(options: TightOptions): GeneratedInstance {
  const random = seededRandom(options.seed);
  const unit = options.unit ?? 1024;
  const capacity = options.capacity ?? 1 << 20, horizon = options.horizon ?? 1 << 20;
  if (capacity % unit !== 0 || horizon % unit !== 0) {
    throw new Error(`capacity and horizon must be multiples of ${unit}`);
  }
  const target = options.buffers ?? randomInt(random, 150, 500);
  // Per seed: how often a piece is cut across time, and whether large pieces
  // are cut more often (even sizes) or any piece alike (a wide spread).
  const timeCut = 0.3 + 0.4 * random();
  const byArea = random() < 0.5;
  const rects: Rect[] = [{ lower: 0, upper: horizon, offset: 0, size: capacity }];
  for (let tries = 0; rects.length < target && tries < 100 * target; tries++) {
    const k = byArea ? pickByArea(rects, random) : Math.floor(random() * rects.length);
    const r = rects[k];
    const spanUnits = (r.upper - r.lower) / unit, sizeUnits = r.size / unit;
    if (spanUnits < 2 && sizeUnits < 2) continue;
    const acrossTime = sizeUnits < 2 || (spanUnits >= 2 && random() < timeCut);
    if (acrossTime) {
      const t = r.lower + randomInt(random, 1, spanUnits - 1) * unit;
      rects.splice(k, 1, { ...r, upper: t }, { ...r, lower: t });
    } else {
      const cut = randomInt(random, 1, sizeUnits - 1) * unit;
      rects.splice(k, 1, { ...r, size: cut }, { ...r, offset: r.offset + cut, size: r.size - cut });
    }
  }
  shuffle(rects, random);
  return {
    name: `tight-${options.seed}`,
    problem: {
      buffers: rects.map((r, i) => ({ id: `b${i}`, lower: r.lower, upper: r.upper, size: r.size })),
      capacity,
    },
    known: Float64Array.from(rects, (r) => r.offset),
    capacity,
  };
}

function pickByArea(rects: Rect[], random: () => number): number {
  let total = 0;
  for (const r of rects) total += (r.upper - r.lower) * r.size;
  let x = random() * total;
  for (let k = 0; k < rects.length; k++) {
    x -= (rects[k].upper - rects[k].lower) * rects[k].size;
    if (x < 0) return k;
  }
  return rects.length - 1;
}

/**
 * Fisher–Yates, in place.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seededRandom } from "./prng.ts";
 * import { shuffle } from "./tight.ts";
 * assert.deepEqual(shuffle([1, 2, 3], seededRandom(1)).sort(), [1, 2, 3]);
 * ```
 */
export function shuffle<T>(xs: T[], random: () => number): T[] {
  for (let i = xs.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [xs[i], xs[j]] = [xs[j], xs[i]];
  }
  return xs;
}
