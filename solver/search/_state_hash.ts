/**
 * The pieces of a search state's 64-bit key (two 32-bit halves), kept
 * apart from the search so that its failure table's keys are defined in one
 * place. A state's key is the XOR of the skyline shares of the sections its
 * unplaced buffers cover, those buffers' per-buffer values, and its water
 * level's and exclusions' mixes. The search keeps each section's share as it
 * places and takes back buffers, and XORs the shares of a node's range.
 *
 * @module
 */

/**
 * Murmur3's finaliser: a 32-bit mix, so that nearby inputs give unrelated
 * outputs.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(fmix(0), 0);
 * assert.notEqual(fmix(1), fmix(2));
 * assert.ok(Number.isInteger(fmix(12345)) && Math.abs(fmix(12345)) < 2 ** 31);
 * ```
 */
export function fmix(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/**
 * One half of section `s`'s share of the skyline hash: its top (bytes, up to
 * 2^53) and the buffer whose top that is (-1 for the floor).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(skyA(3, 1024, 7), skyA(3, 1024, 7));
 * assert.notEqual(skyA(3, 1024, 7), skyA(3, 2048, 7));
 * assert.notEqual(skyA(3, 2 ** 32, -1), skyA(3, 0, -1)); // tops past 32 bits count
 * ```
 */
export function skyA(s: number, top: number, below: number): number {
  const hi = Math.floor(top / 4294967296);
  return fmix(fmix(Math.imul(s, 0x9e3779b1) ^ (top >>> 0)) ^ Math.imul(below + 2, 0x85ebca6b) ^ hi);
}

/**
 * The other half of {@linkcode skyA}, mixed differently so that the two
 * halves collide independently.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.notEqual(skyB(3, 1024, 7), skyB(4, 1024, 7));
 * assert.notEqual(skyB(3, 1024, 7), skyB(3, 1024, 8));
 * ```
 */
export function skyB(s: number, top: number, below: number): number {
  const hi = Math.floor(top / 4294967296);
  return fmix(
    fmix((Math.imul(s, 0xc2b2ae35) + (top >>> 0) + 0x27d4eb2f) | 0) ^
      Math.imul(below + 7, 0x165667b1) ^ Math.imul(hi, 31),
  );
}

/**
 * The water level `x` and the exclusions' hash `ex` mixed into the first half
 * of a state key, given the XOR of the state's other shares in `a`. (Two
 * functions rather than one returning a pair: the search calls them once a
 * node and allocates nothing per node.)
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(levelKeyA(5, 1024, 0), levelKeyA(5, 1024, 0));
 * assert.notEqual(levelKeyA(5, 1024, 0), levelKeyA(5, 2048, 0));
 * assert.notEqual(levelKeyA(5, 1024, 0), levelKeyA(5, 1024 + 2 ** 32, 0));
 * ```
 */
export function levelKeyA(a: number, x: number, ex: number): number {
  return a ^ ex ^ fmix((x >>> 0) ^ 0x68e31da4) ^ fmix(Math.floor(x / 4294967296) + 0x7f4a7c15);
}

/**
 * The second half of the key, as {@linkcode levelKeyA}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.notEqual(levelKeyB(5, 1024, 0), levelKeyB(5, 1024, 1));
 * ```
 */
export function levelKeyB(b: number, x: number, ex: number): number {
  return b ^ fmix(ex + 0x2545f491) ^ fmix((x >>> 0) + 0x165667b1) ^
    fmix(Math.floor(x / 4294967296) ^ 0x27d4eb2f);
}

/**
 * Per buffer, what a state's key takes of it when it is a section's top
 * (`below` of {@linkcode skyA}). The search's future sees a top only through
 * its twin rule: an unplaced buffer of the same lifespan (`span`) that is
 * larger, or as large and of lower index, may not sit right on it. The one
 * buffer of each lifespan with no such buffer (the first of the largest) is
 * keyed -1, as the floor, so that arrangements of the same skyline under
 * other such tops are one state; every other buffer is keyed by its index.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // Buffers 0 and 2 share a lifespan, 2 the larger; 1 is alone in its own.
 * const span = new Float64Array([5, 7, 5]), footprint = new Float64Array([1, 4, 2]);
 * assert.deepEqual([...skylineTopKeys(span, footprint)], [0, -1, -1]);
 * ```
 */
export function skylineTopKeys(span: Float64Array, footprint: Float64Array): Int32Array {
  const n = span.length;
  const out = Int32Array.from({ length: n }, (_, b) => b);
  // Largest footprint first, then lowest index: the first of each lifespan is the one.
  const order = out.slice().sort((a, b) =>
    span[a] - span[b] || footprint[b] - footprint[a] || a - b
  );
  for (let k = 0; k < n; k++) {
    const b = order[k];
    if (k === 0 || span[order[k - 1]] !== span[b]) out[b] = -1;
  }
  return out;
}

/** Hash values of parts of up to this many buffers are kept from part to part. */
const HASHES_KEPT_MAX = 4096;
const hashesByCount = new Map<number, Int32Array>();

/**
 * Random-looking 32-bit values per buffer, three per buffer, one array of `n`
 * after another (the same for every part of `n` buffers).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const z = bufferHashes(3);
 * assert.equal(z.length, 9);
 * assert.equal(new Set(z).size, 9);
 * assert.deepEqual(bufferHashes(3), z);
 * ```
 */
export function bufferHashes(n: number): Int32Array {
  let out = hashesByCount.get(n);
  if (out === undefined) {
    out = new Int32Array(3 * n);
    for (let i = 0; i < out.length; i++) out[i] = fmix(Math.imul(i + 1, 0x9e3779b1) ^ 0x5bd1e995);
    if (n <= HASHES_KEPT_MAX) hashesByCount.set(n, out);
  }
  return out;
}
