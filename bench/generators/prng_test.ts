import assert from "node:assert/strict";
import { seededRandom } from "./prng.ts";

Deno.test("seededRandom: same seed same stream, other seed other stream, in [0, 1)", () => {
  const a = seededRandom(3), b = seededRandom(3), c = seededRandom(4);
  const xs = Array.from({ length: 100 }, () => a());
  assert.deepEqual(Array.from({ length: 100 }, () => b()), xs);
  assert.notDeepEqual(Array.from({ length: 100 }, () => c()), xs);
  for (const x of xs) assert.ok(x >= 0 && x < 1);
});
