import assert from "node:assert/strict";
import { mulberry32 } from "./_prng.ts";

Deno.test("mulberry32: a seed names its sequence, draws lie in [0, 1)", () => {
  const a = mulberry32(3), b = mulberry32(3), c = mulberry32(4);
  const xs = Array.from({ length: 1000 }, () => a());
  assert.deepEqual(xs.slice(0, 5), Array.from({ length: 5 }, () => b()));
  assert.notEqual(xs[0], c());
  assert.ok(xs.every((x) => x >= 0 && x < 1));
  // Spread over the interval, not stuck in one part of it.
  assert.ok(xs.filter((x) => x < 0.5).length > 400 && xs.filter((x) => x < 0.5).length < 600);
});
