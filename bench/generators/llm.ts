/**
 * LLM-like fixed-lifetime problems, harder to pack than the compiler-like
 * family: transformer layers of attention and MLP blocks over micro-batches
 * whose sequence lengths differ (activation sizes scale with the length,
 * attention scores with its square), a KV cache per layer and micro-batch that
 * stays alive to the end, saved activations nested from forward to backward,
 * and short-lived temporaries between them. Holes left by one micro-batch's
 * buffers rarely fit the next one's, so first fit fragments (several % above
 * peak live), as on real compiler plans.
 *
 * @module
 */
import type { Buffer, PlacementProblem } from "../../graph/types.ts";
import { randomInt, seededRandom } from "./prng.ts";

/**
 * An LLM-like plan of exactly `buffers` buffers (at least 64), sizes multiples
 * of 64, deterministic per seed.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { llmInstance } from "./llm.ts";
 * const p = llmInstance({ buffers: 5000, seed: 1 });
 * assert.equal(p.buffers.length, 5000);
 * assert.deepEqual(p, llmInstance({ buffers: 5000, seed: 1 }));
 * ```
 */
export function llmInstance(options: { buffers: number; seed: number }): PlacementProblem {
  const n = options.buffers;
  if (!(Number.isSafeInteger(n) && n >= 64)) throw new Error(`buffers must be >= 64, got ${n}`);
  const random = seededRandom(options.seed);
  const align = (bytes: number) => Math.max(64, Math.ceil(bytes / 64) * 64);
  const hidden = 256 * randomInt(random, 4, 16); // model width, elements
  const heads = randomInt(random, 4, 16);
  const layersPerPass = randomInt(random, 4, 12);
  const out: Buffer[] = [];
  let t = 0;
  const add = (lower: number, upper: number, bytes: number) => {
    if (out.length < n) {
      out.push({
        id: `b${out.length}`,
        lower,
        upper: Math.max(upper, lower + 1),
        size: align(bytes),
      });
    }
  };
  // One pass: a micro-batch of sequence length `seq` through every layer and
  // back; its KV caches live from their layer's forward to the horizon's end,
  // which is only known at the end: their indices are kept.
  const kvCaches: number[] = [];
  while (out.length < n) {
    const seq = 64 * randomInt(random, 2, 32);
    const act = 2 * seq * hidden; // bytes of one activation (16-bit)
    const scores = 2 * heads * seq * seq;
    const saved: { at: number; bytes: number }[][] = [];
    for (let l = 0; l < layersPerPass && out.length < n; l++) {
      const keep: { at: number; bytes: number }[] = [];
      const s = t;
      add(s, s + 2, act); // layer norm
      add(s + 1, s + 3, 3 * act); // q, k, v
      kvCaches.push(out.length);
      add(s + 1, s + 2, act * (1 + random())); // kv cache (upper fixed below)
      add(s + 2, s + 3, scores); // scores
      keep.push({ at: s + 3, bytes: scores }); // softmax, saved
      add(s + 3, s + 5, act); // attention out
      keep.push({ at: s + 4, bytes: act }); // residual, saved
      add(s + 5, s + 6, act); // layer norm
      keep.push({ at: s + 6, bytes: 4 * act }); // MLP up, saved
      keep.push({ at: s + 7, bytes: 4 * act }); // activation, saved
      add(s + 8, s + 10, act); // MLP down
      for (let k = randomInt(random, 2, 6); k > 0; k--) {
        add(s + randomInt(random, 0, 9), s + randomInt(random, 10, 13), act * random() * 2);
      }
      saved.push(keep);
      t += 10;
    }
    // Backward: the layers in reverse, each freeing what its forward saved.
    for (let l = saved.length - 1; l >= 0 && out.length < n; l--) {
      const s = t;
      for (const k of saved[l]) add(k.at, s + randomInt(random, 1, 6), k.bytes);
      add(s, s + 3, 4 * act); // gradient of the MLP
      add(s + 2, s + 5, act); // gradient of the block
      add(s + 3, s + 4, scores); // gradient of the scores
      for (let k = randomInt(random, 1, 4); k > 0; k--) {
        add(s + randomInt(random, 0, 4), s + randomInt(random, 5, 8), act * random() * 3);
      }
      t += 6;
    }
    t += 2;
  }
  const horizon = t + 1;
  for (const i of kvCaches) if (i < out.length) out[i] = { ...out[i], upper: horizon };
  return { buffers: out };
}
