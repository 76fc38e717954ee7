import assert from "node:assert/strict";
import { MinHeap } from "./_heap.ts";

Deno.test("MinHeap pops in (key1, key2, item) order", () => {
  const h = new MinHeap(1); // capacity 1 forces growth
  h.push(4, 1, 0);
  h.push(2, 1, 0);
  h.push(9, 0, 5);
  h.push(1, 0, 5); // ties on both keys: the smaller item first
  h.push(3, 1, -1);
  assert.equal(h.size, 5);
  const out: number[][] = [];
  for (let v = h.pop(); v >= 0; v = h.pop()) out.push([v, h.poppedKey1, h.poppedKey2]);
  assert.deepEqual(out, [[1, 0, 5], [9, 0, 5], [3, 1, -1], [2, 1, 0], [4, 1, 0]]);
  assert.equal(h.pop(), -1);
});

Deno.test("MinHeap agrees with a sort on random entries", () => {
  let s = 12345;
  const rnd = () => (s = (s * 1103515245 + 12345) >>> 0) % 50;
  const h = new MinHeap();
  const ref: [number, number, number][] = [];
  for (let i = 0; i < 2000; i++) {
    const e: [number, number, number] = [i, rnd(), rnd()];
    ref.push(e);
    h.push(e[0], e[1], e[2]);
  }
  ref.sort((a, b) => a[1] - b[1] || a[2] - b[2] || a[0] - b[0]);
  for (const [item] of ref) assert.equal(h.pop(), item);
});
