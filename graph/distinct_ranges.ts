/**
 * Whether the ids of a file read into columns (its UTF-8 bytes
 * `bytes[start[i], end[i])`) are all distinct, without making a string of any
 * of them.
 *
 * Why not an {@linkcode IdIndex} of the slices: at a million ids that are not
 * one prefix and a number (`%t3_81.grad`, …), slicing them allocated a million
 * strings, and hashing each through its UTF-16 copy took half a second with
 * its garbage collection, most of the reading time of a file of a million
 * buffers. Here the hash runs over the bytes themselves, and equal hashes are
 * compared in place (equal strings are equal UTF-8).
 *
 * @module
 */

/**
 * The index of the first range whose bytes repeat an earlier one, or -1 when
 * all are distinct.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const text = new TextEncoder().encode("a,ab,b,ab");
 * const start = Int32Array.from([0, 2, 5, 7]), end = Int32Array.from([1, 4, 6, 9]);
 * assert.equal(firstRepeatedRange(text, start, end), 3); // "ab" again
 * assert.equal(firstRepeatedRange(text, start.subarray(0, 3), end.subarray(0, 3)), -1);
 * ```
 */
export function firstRepeatedRange(text: Uint8Array, start: Int32Array, end: Int32Array): number {
  const n = start.length;
  let cap = 16;
  while (cap < 2 * n) cap *= 2;
  const mask = cap - 1;
  // Two words per slot, side by side so that a probe touches one cache line:
  // the hash of the range there (most probes that miss end on it), then its
  // index + 1 (0: empty).
  const slots = new Int32Array(2 * cap);
  for (let i = 0; i < n; i++) {
    const a = start[i], b = end[i];
    const h = hashOfBytes(text, a, b);
    for (let p = h & mask;; p = (p + 1) & mask) {
      const s = slots[2 * p + 1];
      if (s === 0) {
        slots[2 * p] = h;
        slots[2 * p + 1] = i + 1;
        break;
      }
      if (slots[2 * p] === h && sameText(text, start[s - 1], end[s - 1], a, b)) return i;
    }
  }
  return -1;
}

function sameText(text: Uint8Array, a: number, b: number, c: number, d: number): boolean {
  if (b - a !== d - c) return false;
  for (let k = 0; k < b - a; k++) if (text[a + k] !== text[c + k]) return false;
  return true;
}

/** Drawn per process: ids chosen to collide under one seed do not under another. */
const SEED = crypto.getRandomValues(new Int32Array(1))[0];

/** FNV-1a over the bytes, then a finalizer that spreads them over the bits a mask keeps. */
function hashOfBytes(text: Uint8Array, from: number, to: number): number {
  let h = 0x811c9dc5 ^ SEED;
  for (let i = from; i < to; i++) h = Math.imul(h ^ text[i], 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}
