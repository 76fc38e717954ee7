import assert from "node:assert/strict";
import { assertPlacementValid } from "../../testkit/mod.ts";
import { completeOnTop } from "./_complete_on_top.ts";
import { staircase } from "./_fixtures.ts";

Deno.test("completeOnTop keeps the placed offsets and stacks the rest above them, aligned", () => {
  const p = { ...staircase(), alignment: 4 };
  // r0 and r1 placed at 0; the others go above 2, rounded up to 4.
  const out = completeOnTop(p, Float64Array.of(0, 0, NaN, NaN, NaN, NaN));
  assert.deepEqual([out[0], out[1]], [0, 0]);
  for (let i = 2; i < 6; i++) assert.ok(out[i] >= 4 && out[i] % 4 === 0, `r${i} at ${out[i]}`);
  assertPlacementValid(p, out);
  // Nothing to do: a copy comes back; zero-size buffers go to 0.
  const full = Float64Array.of(0, 0, 2, 2, 5, 2);
  assert.deepEqual(completeOnTop(staircase(), full), full);
  const z = { buffers: [{ id: "z", lower: 0, upper: 1, size: 0 }] };
  assert.deepEqual([...completeOnTop(z, Float64Array.of(NaN))], [0]);
});
