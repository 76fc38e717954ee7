/**
 * Large fixed-lifetime problems (10^4–10^6 buffers): the program-order
 * lifetimes of random training graphs, and compiler-like memory plans (a few
 * huge long-lived buffers, repeated layers whose saved activations nest from
 * forward to backward, and many small short-lived temporaries).
 *
 * @module
 */
import { indexGraph } from "../../graph/indexed_graph.ts";
import { lifetimes, programOrder } from "../../graph/lifetimes.ts";
import { placementProblem } from "../../graph/placement_problem.ts";
import type { Buffer, PlacementProblem } from "../../graph/types.ts";
import { randomTrainingGraph } from "../../testkit/training_graph.ts";
import { randomInt, seededRandom } from "./prng.ts";

/**
 * The program-order problem of a random training graph with `tensors` tensors.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingInstance } from "./large.ts";
 * assert.equal(trainingInstance({ tensors: 1000, seed: 1 }).buffers.length, 1000);
 * ```
 */
export function trainingInstance(options: { tensors: number; seed: number }): PlacementProblem {
  const g = indexGraph(randomTrainingGraph({ tensors: options.tensors, seed: options.seed }));
  return placementProblem(g, lifetimes(g, programOrder(g)));
}

/**
 * A compiler-like plan of exactly `buffers` buffers (at least 16): per seed a
 * layer template (saved activations, temporaries of 1–8 steps, sizes
 * log-uniform) repeated over the layers with jittered sizes, mirrored in a
 * backward pass, plus a few huge buffers (16–128 MiB) alive over long stretches. Sizes are
 * multiples of 64.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { compilerInstance } from "./large.ts";
 * assert.equal(compilerInstance({ buffers: 2000, seed: 1 }).buffers.length, 2000);
 * ```
 */
export function compilerInstance(options: { buffers: number; seed: number }): PlacementProblem {
  const n = options.buffers;
  if (!(Number.isSafeInteger(n) && n >= 16)) throw new Error(`buffers must be >= 16, got ${n}`);
  const random = seededRandom(options.seed);
  const logSize = (lo: number, hi: number) =>
    Math.max(64, Math.round(Math.exp(Math.log(lo) + random() * Math.log(hi / lo)) / 64) * 64);
  const steps = randomInt(random, 4, 12); // steps per layer and pass
  const saved = randomInt(random, 1, 3);
  const temps = randomInt(random, 6, 40);
  const template = Array.from({ length: temps }, () => {
    const at = randomInt(random, 0, steps - 1);
    return { at, len: randomInt(random, 1, 8), size: logSize(4096, 8 << 20) };
  });
  const savedSizes = Array.from({ length: saved }, () => logSize(256 << 10, 16 << 20));
  const huge = randomInt(random, 2, 8);
  const perLayer = 2 * (saved + temps);
  const layers = Math.max(1, Math.floor((n - huge) / perLayer));
  const horizon = 2 * layers * steps;
  const out: Buffer[] = [];
  const add = (lower: number, upper: number, size: number) =>
    out.push({ id: `b${out.length}`, lower, upper: Math.max(upper, lower + 1), size });
  const jitter = (size: number) =>
    Math.max(64, Math.round(size * (0.8 + 0.4 * random()) / 64) * 64);
  for (let l = 0; l < layers && out.length < n; l++) {
    const fwd = l * steps, bwd = horizon - (l + 1) * steps;
    for (const s of savedSizes) add(fwd + randomInt(random, 0, steps - 1), bwd + steps, jitter(s));
    for (const pass of [fwd, bwd]) {
      for (const t of template) {
        if (out.length + huge >= n) break;
        add(pass + t.at, Math.min(horizon, pass + t.at + t.len), jitter(t.size));
      }
    }
  }
  while (out.length < n) {
    const lower = randomInt(random, 0, horizon - 1);
    const long = out.length >= n - huge;
    const upper = long ? randomInt(random, lower + 1, horizon) : lower + randomInt(random, 1, 4);
    add(
      lower,
      Math.min(horizon, upper),
      long ? logSize(64 << 20, 512 << 20) : logSize(256, 1 << 20),
    );
  }
  return { buffers: out };
}
