import assert from "node:assert/strict";
import { reinsertionOrder } from "./_reinsertion_order.ts";
import { FixedBuffers } from "./_fixed_buffers.ts";

/** A stream of uniform draws from a seed (xorshift), as the repacking's. */
function draws(seed: number): () => number {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 4294967296;
  };
}

const at = {
  lower: [0, 2, 1, 0, 3, 5],
  upper: [4, 3, 9, 1, 8, 6],
  size: [30, 64, 2, 16, 1, 32],
  offsets: [0, 40, 8, 24, 10, 100],
};

Deno.test("reinsertionOrder: every order is a permutation of the set, each drawn", () => {
  const random = draws(7);
  const seen = new Set<string>();
  for (let k = 0; k < 200; k++) {
    const set = [5, 0, 3, 1, 4];
    const bestFit = reinsertionOrder(set, at, random);
    assert.deepEqual([...set].sort(), [0, 1, 3, 4, 5]);
    seen.add(`${set.join()} ${bestFit}`);
  }
  // Settling (by offset, lowest gap) among the orders drawn, and both gap policies.
  assert.ok(seen.has("0,4,3,1,5 false"));
  assert.ok([...seen].some((s) => s.endsWith("true")));
});

Deno.test("reinsertionOrder: the orders by key put the largest first", () => {
  const first = (kind: number) => {
    // noise 0, then the kind; the per-buffer noise and the gap policy read 0.
    const seq = [0, (kind + 0.5) / 4];
    const set = [0, 1, 2, 3, 4, 5];
    reinsertionOrder(set, at, () => seq.shift() ?? 0);
    return set[0];
  };
  assert.equal(first(0), 1); // size 64
  assert.equal(first(1), 2); // lifespan 8
  assert.equal(first(2), 0); // area 4 × 30
});

Deno.test("reinsertionOrder: settling never lifts a buffer of a stack with a hole", () => {
  // Three buffers stacked over time 0..2 with a hole of 4 under the second:
  // put back by offset into the lowest gap, each drops or stays, none rises.
  const lower = Float64Array.from([0, 0, 0]), upper = Float64Array.from([2, 2, 2]);
  const size = Float64Array.from([4, 4, 4]), offsets = Float64Array.from([0, 8, 12]);
  const fixed = new FixedBuffers({ lower, upper, size, offsets });
  const set = [2, 1];
  const bestFit = reinsertionOrder(set, { lower, upper, size, offsets }, () => 0.99);
  assert.deepEqual([set, bestFit], [[1, 2], false]);
  fixed.collect(Uint8Array.from([0, 1, 1]), 0, 2);
  const placed: number[] = [], at = new Float64Array(3);
  for (const i of set) {
    at[i] = fixed.gapFor(i, placed, at, bestFit);
    placed.push(i);
  }
  assert.deepEqual([at[1], at[2]], [4, 8]);
});
