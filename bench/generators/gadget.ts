/**
 * Problems whose optimum is provably above peak live: a small gadget that
 * needs 5 units of arena though at most 4 are ever live, scaled and repeated
 * inside a tight-style filler (tight.ts). Any subset of a problem's buffers
 * needs no more arena than the whole, so the whole needs at least 5 scaled
 * units, while peak live is only filler + 4 of them (below 5 by choice of the
 * scale).
 *
 * Why the gadget needs 5 (times 0–4, capacity 4): at time 0, A (2) shares
 * it with B (2), so A sits at an end, the bottom by mirror symmetry. At time
 * 1, c and d (1 each) take the two cells above A. At time 3, c shares with e
 * (1) and F (2): F needs two adjacent free cells, and with c in 2–3 and e
 * (placed after A left) anywhere else, the only such pair is 1–2, the middle.
 * At time 4, F shares with G (2), so F must sit at an end. The brute force
 * in gadget_test.ts confirms it.
 *
 * @module
 */
import type { Buffer } from "../../graph/types.ts";
import { randomInt, seededRandom } from "./prng.ts";
import { type GeneratedInstance, shuffle, tightInstance } from "./tight.ts";

/** The gadget at unit scale: [lower, upper, size]; peak live 4, optimum 5. */
export const GADGET: readonly (readonly [number, number, number])[] = [
  [0, 2, 2], // A
  [0, 1, 2], // B
  [1, 4, 1], // c
  [1, 3, 1], // d
  [2, 4, 1], // e
  [3, 5, 2], // F
  [4, 5, 2], // G
];

/** Options of {@linkcode gadgetInstance}. */
export interface GadgetOptions {
  seed: number;
  /** Number of buffers; default drawn in [150, 500] from the seed. */
  buffers?: number;
  /** Gadget copies, in disjoint time windows; default drawn in [1, 3]. */
  copies?: number;
}

/** A generated gadget problem: `bound` is its proved lower bound (> peak live). */
export interface GadgetInstance extends GeneratedInstance {
  /** Five gadget units: no placement fits below it. */
  bound: number;
}

const UNIT = 1024, CAPACITY = 1 << 20, HORIZON = 1 << 20;

/**
 * A filler strip of `2^20 − 4s` bytes cut like a tight instance, with gadget
 * copies of unit size `s` (just over a fifth of 2^20) in disjoint time
 * windows: peak live 2^20, optimum at least `5s`. `known` places each gadget
 * optimally on top of the filler (arena `capacity`, an upper bound).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { problemPeakLive } from "../../graph/placement_problem.ts";
 * import { gadgetInstance } from "./gadget.ts";
 * const g = gadgetInstance({ seed: 1 });
 * assert.equal(problemPeakLive(g.problem), 1 << 20);
 * assert.ok(g.bound > 1 << 20);
 * ```
 */
export function gadgetInstance(options: GadgetOptions): GadgetInstance {
  const random = seededRandom(options.seed);
  const total = options.buffers ?? randomInt(random, 150, 500);
  const copies = options.copies ?? randomInt(random, 1, 3);
  // 5s > 2^20 > 4s, with at least 16 units of filler.
  const s = randomInt(random, 205, 252) * UNIT;
  const filler = CAPACITY - 4 * s;
  const cut = tightInstance({
    seed: options.seed,
    buffers: Math.max(1, total - copies * GADGET.length),
    capacity: filler,
    horizon: HORIZON,
  });
  const buffers: Buffer[] = [...cut.problem.buffers];
  const offsets: number[] = [...cut.known];
  // One window of 5 time steps per copy, each step a random multiple of the unit.
  const slot = HORIZON / copies;
  const known = [0, 2, 2, 3, 0, 3, 0]; // the gadget's optimal offsets (units of s)
  for (let k = 0; k < copies; k++) {
    const tau = randomInt(random, 1, Math.floor(slot / UNIT / 5)) * UNIT;
    const start = k * slot + randomInt(random, 0, (slot - 5 * tau) / UNIT) * UNIT;
    GADGET.forEach(([lower, upper, size], i) => {
      buffers.push({
        id: "",
        lower: start + lower * tau,
        upper: start + upper * tau,
        size: size * s,
      });
      offsets.push(filler + known[i] * s);
    });
  }
  const order = shuffle(buffers.map((_, i) => i), random);
  return {
    name: `gadget-${options.seed}`,
    problem: { buffers: order.map((i, j) => ({ ...buffers[i], id: `b${j}` })) },
    known: Float64Array.from(order, (i) => offsets[i]),
    capacity: filler + 5 * s,
    bound: 5 * s,
  };
}
