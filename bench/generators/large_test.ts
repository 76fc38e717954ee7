import assert from "node:assert/strict";
import { compilerInstance, trainingInstance } from "./large.ts";

Deno.test("compilerInstance: exact count, valid lifespans, sizes multiples of 64, deterministic", () => {
  for (const seed of [1, 2, 3]) {
    const p = compilerInstance({ buffers: 3000, seed });
    assert.equal(p.buffers.length, 3000);
    for (const b of p.buffers) {
      assert.ok(b.lower < b.upper && b.lower >= 0, `${b.id} ${b.lower}..${b.upper}`);
      assert.ok(b.size >= 64 && b.size % 64 === 0);
    }
    assert.deepEqual(p, compilerInstance({ buffers: 3000, seed }));
  }
  assert.throws(() => compilerInstance({ buffers: 3, seed: 1 }), /buffers must be/);
});

Deno.test("compilerInstance: a few huge buffers among many small short-lived ones", () => {
  const p = compilerInstance({ buffers: 5000, seed: 4 });
  const short = p.buffers.filter((b) => b.upper - b.lower <= 8).length;
  const huge = p.buffers.filter((b) => b.size >= 16 << 20).length;
  assert.ok(short > p.buffers.length / 2, `${short} short`);
  assert.ok(huge >= 2, `${huge} huge`);
});

Deno.test("trainingInstance: one buffer per tensor, lifespans in program order", () => {
  const p = trainingInstance({ tensors: 2000, seed: 1 });
  assert.equal(p.buffers.length, 2000);
  for (const b of p.buffers) assert.ok(b.lower < b.upper);
});
