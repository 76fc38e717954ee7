/**
 * Random-interval problems: lifespans and sizes drawn independently, with no
 * layers, no nesting and no repeated pattern. The families beside it are
 * shaped like programs (training graphs, compiler plans, LLM plans), where
 * the height is decided in a few places; here it is decided almost
 * everywhere, and placements that reach peak live on those families stop
 * several percent above it. Each seed draws its own shape: how many buffers
 * are alive at once on average (4 to 300), the longest lifespan (2 to 2,000
 * steps) and the sizes (uniform up to 2^40 bytes, or log-uniform from 64 B
 * to 1 GiB), so no one setting is the family.
 *
 * @module
 */
import type { Buffer, PlacementProblem } from "../../graph/types.ts";
import { randomInt, seededRandom } from "./prng.ts";

/** The shape a seed drew (reported with its rows). */
export interface RandomIntervalShape {
  /** Buffers alive at a time, on average. */
  alive: number;
  /** Lifespans are uniform in 1..longest steps. */
  longest: number;
  sizes: "uniform" | "log-uniform";
}

/**
 * The shape of seed `seed`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { randomIntervalShape } from "./random_intervals.ts";
 * const s = randomIntervalShape(1);
 * assert.ok(s.alive >= 4 && s.alive <= 300 && s.longest >= 2 && s.longest <= 2000);
 * ```
 */
export function randomIntervalShape(seed: number): RandomIntervalShape {
  const random = seededRandom(seed);
  const logUniform = (lo: number, hi: number) => lo * (hi / lo) ** random();
  return {
    alive: Math.round(logUniform(4, 300)),
    longest: Math.round(logUniform(2, 2000)),
    sizes: random() < 0.5 ? "uniform" : "log-uniform",
  };
}

/**
 * A random-interval problem of exactly `buffers` buffers (at least 1), of the
 * shape {@linkcode randomIntervalShape} draws for `seed`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { randomIntervalInstance } from "./random_intervals.ts";
 * const p = randomIntervalInstance({ buffers: 500, seed: 3 });
 * assert.equal(p.buffers.length, 500);
 * assert.ok(p.buffers.every((b) => b.lower < b.upper && b.size >= 1));
 * ```
 */
export function randomIntervalInstance(
  options: { buffers: number; seed: number },
): PlacementProblem {
  const n = options.buffers;
  if (!(Number.isSafeInteger(n) && n >= 1)) throw new Error(`buffers must be >= 1, got ${n}`);
  const shape = randomIntervalShape(options.seed);
  // A second stream for the buffers: the shape stays the same whatever n is.
  const random = seededRandom(options.seed + 0x51ed);
  // Mean lifespan (longest + 1) / 2; the horizon that gives `alive` on average.
  const horizon = Math.max(1, Math.round(n * (shape.longest + 1) / 2 / shape.alive));
  const size = shape.sizes === "uniform"
    ? () => randomInt(random, 1, 2 ** 40)
    : () => Math.round(64 * (2 ** 24) ** random());
  const buffers: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const lower = randomInt(random, 0, horizon - 1);
    buffers.push({
      id: `b${i}`,
      lower,
      upper: lower + randomInt(random, 1, shape.longest),
      size: size(),
    });
  }
  return { buffers };
}
