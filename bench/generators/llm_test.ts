import assert from "node:assert/strict";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import { placeFirstFit } from "../../solver/placers/first_fit.ts";
import { llmInstance } from "./llm.ts";

Deno.test("llmInstance: exact count, valid lifespans, sizes multiples of 64, deterministic", () => {
  for (const seed of [1, 2]) {
    const p = llmInstance({ buffers: 3000, seed });
    assert.equal(p.buffers.length, 3000);
    for (const b of p.buffers) {
      assert.ok(b.lower < b.upper && b.lower >= 0, `${b.id} ${b.lower}..${b.upper}`);
      assert.ok(b.size >= 64 && b.size % 64 === 0);
    }
    assert.deepEqual(p, llmInstance({ buffers: 3000, seed }));
  }
  assert.throws(() => llmInstance({ buffers: 10, seed: 1 }), /buffers must be/);
});

Deno.test("llmInstance: long-lived KV caches, and first fit well above peak live", () => {
  const p = llmInstance({ buffers: 5000, seed: 1 });
  const last = Math.max(...p.buffers.map((b) => b.upper));
  assert.ok(p.buffers.filter((b) => b.upper === last).length >= 20);
  const ratio = placeFirstFit(p).arena / problemPeakLive(p);
  assert.ok(ratio > 1.02, `first fit at ${ratio} of peak live`);
});
