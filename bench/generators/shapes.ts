/**
 * Harder tight placement problems than the plain cut of tight.ts, each still
 * a cut of the capacity × time rectangle (so the optimum is the capacity and
 * the cut reaches it), with structure the plain cut rarely has:
 *
 * - *skyline*: the rectangle is first sliced into horizontal rows, each cut
 *   across time at its own few points, so many buffers share long, staggered
 *   lifetimes (like activations kept from forward to backward); the pieces
 *   are then cut further at random;
 * - *mixed*: cuts across size shave off slivers of 1–4 units as often as they
 *   split evenly, and cuts across time likewise make short pieces, so sizes
 *   mix tiny and huge (as in real plans and MiniMalloc's public suite).
 *
 * @module
 */
import { randomInt, seededRandom } from "./prng.ts";
import { type GeneratedInstance, shuffle } from "./tight.ts";

/** Options of {@linkcode skylineInstance} and {@linkcode mixedInstance}. */
export interface ShapeOptions {
  seed: number;
  /** Number of buffers; default drawn in [150, 500] from the seed. */
  buffers?: number;
  /** Bytes and time steps; default 2^20. A multiple of `unit`. */
  capacity?: number;
  /** Sizes and times are multiples of it; default 1024. */
  unit?: number;
}

/** A piece of the cut. */
export interface Piece {
  lower: number;
  upper: number;
  offset: number;
  size: number;
}

/**
 * A skyline instance (see the module comment).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { problemPeakLive } from "../../graph/placement_problem.ts";
 * import { skylineInstance } from "./shapes.ts";
 * const s = skylineInstance({ seed: 1 });
 * assert.equal(problemPeakLive(s.problem), s.capacity);
 * assert.equal(s.name, "skyline-1");
 * ```
 */
export function skylineInstance(options: ShapeOptions): GeneratedInstance {
  const random = seededRandom(options.seed ^ 0x2c1b3c6d);
  const { unit, capacity, target } = setup(options, random);
  const horizon = capacity;
  const units = capacity / unit;
  // Rows: 8–40 horizontal slices of random thickness.
  const rowCount = Math.min(units, randomInt(random, 8, 40));
  const cuts = new Set<number>();
  while (cuts.size < rowCount - 1) cuts.add(randomInt(random, 1, units - 1) * unit);
  const bounds = [0, ...[...cuts].sort((a, b) => a - b), capacity];
  const pieces: Piece[] = [];
  for (let r = 0; r + 1 < bounds.length; r++) {
    // Each row: 1–4 segments, boundaries of its own (staggered from row to row).
    const segs = randomInt(random, 1, 4);
    const times = new Set<number>();
    while (times.size < segs - 1) times.add(randomInt(random, 1, horizon / unit - 1) * unit);
    const t = [0, ...[...times].sort((a, b) => a - b), horizon];
    for (let k = 0; k + 1 < t.length; k++) {
      pieces.push({
        lower: t[k],
        upper: t[k + 1],
        offset: bounds[r],
        size: bounds[r + 1] - bounds[r],
      });
    }
  }
  // Keep long lifetimes: further cuts go across size twice as often as across time.
  cutFurther(pieces, target, unit, random, { timeCut: 0.33, sliver: 0 });
  return finish(`skyline-${options.seed}`, pieces, capacity, random);
}

/**
 * A mixed instance (see the module comment).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { problemPeakLive } from "../../graph/placement_problem.ts";
 * import { mixedInstance } from "./shapes.ts";
 * const m = mixedInstance({ seed: 2 });
 * assert.equal(problemPeakLive(m.problem), m.capacity);
 * const sizes = m.problem.buffers.map((b) => b.size);
 * assert.ok(Math.max(...sizes) >= 64 * Math.min(...sizes));
 * ```
 */
export function mixedInstance(options: ShapeOptions): GeneratedInstance {
  const random = seededRandom(options.seed ^ 0x7f4a7c15);
  const { unit, capacity, target } = setup(options, random);
  const pieces: Piece[] = [{ lower: 0, upper: capacity, offset: 0, size: capacity }];
  cutFurther(pieces, target, unit, random, {
    timeCut: 0.3 + 0.4 * random(),
    sliver: 0.3 + 0.4 * random(),
  });
  return finish(`mixed-${options.seed}`, pieces, capacity, random);
}

function setup(options: ShapeOptions, random: () => number) {
  const unit = options.unit ?? 1024;
  const capacity = options.capacity ?? 1 << 20;
  if (capacity % unit !== 0) throw new Error(`capacity must be a multiple of ${unit}`);
  const target = options.buffers ?? randomInt(random, 150, 500);
  return { unit, capacity, target };
}

/**
 * Cuts random pieces in two until there are `target`: across time with
 * probability `timeCut`, else across size; with probability `sliver` a cut
 * leaves a piece of only 1–4 units on one side.
 */
function cutFurther(
  pieces: Piece[],
  target: number,
  unit: number,
  random: () => number,
  policy: { timeCut: number; sliver: number },
): void {
  const at = (units: number) => {
    if (random() < policy.sliver) {
      const k = randomInt(random, 1, Math.min(4, units - 1));
      return random() < 0.5 ? k : units - k;
    }
    return randomInt(random, 1, units - 1);
  };
  for (let tries = 0; pieces.length < target && tries < 100 * target; tries++) {
    const k = Math.floor(random() * pieces.length);
    const p = pieces[k];
    const spanUnits = (p.upper - p.lower) / unit, sizeUnits = p.size / unit;
    if (spanUnits < 2 && sizeUnits < 2) continue;
    const acrossTime = sizeUnits < 2 || (spanUnits >= 2 && random() < policy.timeCut);
    if (acrossTime) {
      const t = p.lower + at(spanUnits) * unit;
      pieces.splice(k, 1, { ...p, upper: t }, { ...p, lower: t });
    } else {
      const cut = at(sizeUnits) * unit;
      pieces.splice(k, 1, { ...p, size: cut }, {
        ...p,
        offset: p.offset + cut,
        size: p.size - cut,
      });
    }
  }
}

function finish(
  name: string,
  pieces: Piece[],
  capacity: number,
  random: () => number,
): GeneratedInstance {
  shuffle(pieces, random);
  return {
    name,
    problem: {
      buffers: pieces.map((p, i) => ({
        id: `b${i}`,
        lower: p.lower,
        upper: p.upper,
        size: p.size,
      })),
      capacity,
    },
    known: Float64Array.from(pieces, (p) => p.offset),
    capacity,
  };
}
