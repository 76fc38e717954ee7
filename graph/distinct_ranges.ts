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
import { withScratch } from "./scratch.ts";

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
  if (n < PARTITION_FROM) {
    return firstRepeatIn(text, start, end, identity(n), new Int32Array(0), undefined);
  }
  // A table of a million ids is 16 MB: each probe a cache miss. Instead the
  // ids go to 1,024 parts by the top bits of their hash (two passes, in
  // order), and each part, a thousand ids, is checked in a table that stays
  // in cache: 45 ms instead of 130 at a million hashed ids. One table serves
  // every part, and the arrays are scratch memory (graph/scratch.ts): a
  // table each and fresh arrays were 20 MB of fresh pages.
  return withScratch((mem) => {
    const hashes = mem.int32(n, false);
    const count = new Int32Array(PARTS + 1);
    for (let i = 0; i < n; i++) {
      const h = hashOfBytes(text, start[i], end[i]);
      hashes[i] = h;
      count[(h >>> PART_SHIFT) + 1]++;
    }
    let most = 0;
    for (let b = 0; b < PARTS; b++) most = Math.max(most, count[b + 1]);
    for (let b = 0; b < PARTS; b++) count[b + 1] += count[b];
    const byPart = mem.int32(n, false), next = count.slice(0, PARTS);
    for (let i = 0; i < n; i++) byPart[next[hashes[i] >>> PART_SHIFT]++] = i;
    const table = mem.int32(2 * tableSize(most), false); // cleared by part
    let first = -1;
    for (let b = 0; b < PARTS; b++) {
      // Each part lists its ids in index order: its first repeat is its smallest.
      const ids = byPart.subarray(count[b], count[b + 1]);
      const r = firstRepeatIn(text, start, end, ids, hashes, table);
      if (r >= 0 && (first < 0 || r < first)) first = r;
    }
    return first;
  });
}

/** Slots of the table for `m` ids: a power of two, at least twice `m`. */
function tableSize(m: number): number {
  let cap = 16;
  while (cap < 2 * m) cap *= 2;
  return cap;
}

/** Below this many ids one table is in cache anyway. */
const PARTITION_FROM = 1 << 14;
const PART_SHIFT = 22, PARTS = 1 << (32 - PART_SHIFT);

function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out;
}

/**
 * The first of `ids` (ascending indices) whose range repeats an earlier one
 * of them, or -1; `hashes` holds each index's hash when computed already
 * (else empty); `table`, when given, holds the slots (at least those of
 * `ids`).
 */
function firstRepeatIn(
  text: Uint8Array,
  start: Int32Array,
  end: Int32Array,
  ids: Int32Array,
  hashes: Int32Array,
  table: Int32Array | undefined,
): number {
  const m = ids.length;
  const cap = tableSize(m);
  const mask = cap - 1;
  // Two words per slot, side by side so that a probe touches one cache line:
  // the hash of the range there (most probes that miss end on it), then its
  // index + 1 (0: empty). A table given is cleared for this part.
  const slots = table ? table.subarray(0, 2 * cap).fill(0) : new Int32Array(2 * cap);
  for (let k = 0; k < m; k++) {
    const i = ids[k], a = start[i], b = end[i];
    const h = hashes.length > 0 ? hashes[i] : hashOfBytes(text, a, b);
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
