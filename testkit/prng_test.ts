import assert from "node:assert/strict";
import { randomInt, seeded } from "./prng.ts";

Deno.test("seeded: one seed, one sequence; another seed, another", () => {
  const a = seeded(42), b = seeded(42), c = seeded(43);
  const xs = Array.from({ length: 20 }, () => a());
  assert.deepEqual(Array.from({ length: 20 }, () => b()), xs);
  assert.notDeepEqual(Array.from({ length: 20 }, () => c()), xs);
});

Deno.test("seeded: values lie in [0, 1) and spread over it", () => {
  const r = seeded(9);
  const buckets = new Array(10).fill(0);
  for (let i = 0; i < 10_000; i++) {
    const x = r();
    assert.ok(x >= 0 && x < 1, `${x}`);
    buckets[Math.floor(x * 10)]++;
  }
  for (const n of buckets) assert.ok(n > 800 && n < 1200, `bucket ${n}`);
});

Deno.test("seeded: mulberry32's known first output for seed 1", () => {
  // pins the algorithm: generators built on it must not shift under a refactor
  assert.equal(Math.round(seeded(1)() * 4294967296), 2693262067);
});

Deno.test("randomInt: stays within both ends and reaches each", () => {
  const r = seeded(5);
  const seen = new Set<number>();
  for (let i = 0; i < 1000; i++) {
    const x = randomInt(r, -2, 2);
    assert.ok(Number.isInteger(x) && x >= -2 && x <= 2);
    seen.add(x);
  }
  assert.equal(seen.size, 5);
});
