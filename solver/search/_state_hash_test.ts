import assert from "node:assert/strict";
import {
  bufferHashes,
  fmix,
  levelKeyA,
  levelKeyB,
  skyA,
  skyB,
  skylineTopKeys,
} from "./_state_hash.ts";

Deno.test("state key shares: updating by XOR out and in gives the key of the new state", () => {
  // A skyline of three sections; raising section 1 from 0 to 4096 under buffer 2.
  const key = (tops: number[], belows: number[]) =>
    tops.reduce((a, t, s) => a ^ skyA(s, t, belows[s]), 0);
  let k = key([0, 0, 0], [-1, -1, -1]);
  k ^= skyA(1, 0, -1) ^ skyA(1, 4096, 2);
  assert.equal(k, key([0, 4096, 0], [-1, 2, -1]));
});

Deno.test("state key shares: different states of a small family get different keys", () => {
  const seen = new Set<string>();
  for (let s = 0; s < 8; s++) {
    for (const top of [0, 1024, 2048, 2 ** 32, 2 ** 40]) {
      for (let below = -1; below < 4; below++) {
        seen.add(`${skyA(s, top, below)}:${skyB(s, top, below)}`);
      }
    }
  }
  assert.equal(seen.size, 8 * 5 * 5);
  const levels = new Set<string>();
  for (const x of [0, 1, 1024, 2 ** 32, 2 ** 32 + 1]) {
    for (const ex of [0, fmix(1), fmix(2)]) {
      levels.add(`${levelKeyA(0, x, ex)}:${levelKeyB(0, x, ex)}`);
    }
  }
  assert.equal(levels.size, 15);
});

Deno.test("bufferHashes: distinct values, shared between parts of one size", () => {
  const z = bufferHashes(1000);
  assert.equal(new Set(z).size, z.length);
  assert.equal(bufferHashes(1000), z);
});

Deno.test("skylineTopKeys: only the first of the largest of each lifespan is keyed as the floor", () => {
  // Lifespans 3 (buffers 0, 2, 3, 5: the largest, 4, twice) and 9 (1 and 4, equal).
  const span = new Float64Array([3, 9, 3, 3, 9, 3]);
  const footprint = new Float64Array([1, 2, 4, 4, 2, 3]);
  assert.deepEqual([...skylineTopKeys(span, footprint)], [0, -1, -1, 3, 4, 5]);
  // A buffer alone in its lifespan: nothing can be its twin.
  assert.deepEqual([...skylineTopKeys(new Float64Array([1, 2]), new Float64Array([5, 1]))], [
    -1,
    -1,
  ]);
});
