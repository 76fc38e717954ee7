import assert from "node:assert/strict";
import { denseOffsets, setDenseOffsets } from "./dense_offsets.ts";
import type { Plan } from "./types.ts";

Deno.test("dense offsets: read as the object they stand for, in their place among the keys", () => {
  const plan: Plan = { format: "memplan.plan/v1", graph: "g" };
  setDenseOffsets(plan, {
    tensorIds: ["__proto__", "b", "z"],
    size: [4, 0, 8],
    offsets: Float64Array.from([8, 99, 0]),
  });
  plan.capacity = 16;
  assert.deepEqual(Object.keys(plan), ["format", "graph", "offsets", "capacity"]);
  assert.equal(plan.offsets?.["__proto__"], 8); // an offset, not a prototype
  assert.deepEqual(Object.keys(plan.offsets!), ["__proto__", "z"]); // size 0: none
  assert.equal(denseOffsets(plan), undefined);
  assert.deepEqual(Object.keys(plan), ["format", "graph", "offsets", "capacity"]);
});

Deno.test("dense offsets: written over like any property", () => {
  const plan: Plan = { format: "memplan.plan/v1" };
  setDenseOffsets(plan, { tensorIds: ["a"], size: [1], offsets: Float64Array.from([3]) });
  plan.offsets = { a: 5 };
  assert.equal(denseOffsets(plan), undefined);
  assert.deepEqual(plan.offsets, { a: 5 });
  assert.equal(JSON.stringify(plan), '{"format":"memplan.plan/v1","offsets":{"a":5}}');
});
