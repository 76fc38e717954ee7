/**
 * The generators' randomness: the test kit's one seeded source, with the
 * seed spread first (multiplied by the golden-ratio constant) so that
 * neighbouring seeds start far apart.
 *
 * @module
 */
import { randomInt, seeded } from "../../testkit/prng.ts";

export { randomInt };

/**
 * The source of instance `seed`: uniform in [0, 1), same seed same stream.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { seededRandom } from "./prng.ts";
 * assert.equal(seededRandom(7)(), seededRandom(7)());
 * ```
 */
export function seededRandom(seed: number): () => number {
  return seeded((seed * 0x9e3779b1) >>> 0);
}
