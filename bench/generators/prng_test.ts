import assert from "node:assert/strict";
import { randomInt, seededRandom } from "./prng.ts";

Deno.test("seededRandom: same seed same stream, other seed other stream, in [0, 1)", () => {
  const a = seededRandom(3), b = seededRandom(3), c = seededRandom(4);
  const xs = Array.from({ length: 100 }, () => a());
  assert.deepEqual(Array.from({ length: 100 }, () => b()), xs);
  assert.notDeepEqual(Array.from({ length: 100 }, () => c()), xs);
  for (const x of xs) assert.ok(x >= 0 && x < 1);
});

Deno.test("randomInt: stays in range and reaches both ends", () => {
  const r = seededRandom(1), seen = new Set<number>();
  for (let i = 0; i < 200; i++) seen.add(randomInt(r, 3, 5));
  assert.deepEqual([...seen].sort(), [3, 4, 5]);
});
