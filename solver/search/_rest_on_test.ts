import assert from "node:assert/strict";
import { splitComponents } from "./_components.ts";
import { staircase } from "./_fixtures.ts";
import { restOnBound } from "./_rest_on.ts";

Deno.test("restOnBound: the smallest footprint among the buffers each one meets", () => {
  const [part] = splitComponents(staircase());
  const byId = new Map(Array.from(part.ids, (id, k) => [`r${id}`, restOnBound(part)[k]]));
  // r0 meets r2 (3), r4 (1); r1 meets r3, r4, r5; r2 meets r0, r4; r3 meets
  // r1, r4; r4 meets r0..r3 (2 at least); r5 meets r1 (2).
  assert.deepEqual(Object.fromEntries(byId), { r0: 1, r1: 1, r2: 1, r3: 1, r4: 2, r5: 2 });
});

Deno.test("restOnBound: a buffer meeting nobody can rest on nothing", () => {
  const [part] = splitComponents({ buffers: [{ id: "a", lower: 0, upper: 1, size: 3 }] });
  assert.deepEqual([...restOnBound(part)], [Infinity]);
});

Deno.test("restOnBound falls back to the smallest other footprint on huge parts", () => {
  // 4,000 buffers all alive at once, each over ~4,000 sections: 1.6e7 steps.
  const buffers = Array.from({ length: 4000 }, (_, i) => ({
    id: `b${i}`,
    lower: i,
    upper: i + 100_000,
    size: i + 1,
  }));
  const [part] = splitComponents({ buffers });
  const bound = restOnBound(part);
  part.ids.forEach((id, k) => assert.equal(bound[k], id === 0 ? 2 : 1));
});
