import assert from "node:assert/strict";
import { seeded } from "../../testkit/mod.ts";
import { IntervalUnion } from "./_interval_union.ts";

const dump = (u: IntervalUnion) =>
  Array.from({ length: u.count }, (_, i) => [u.start(i), u.end(i)]);

Deno.test("IntervalUnion merges overlapping and touching ranges", () => {
  const u = new IntervalUnion();
  u.add(10, 12);
  u.add(0, 2);
  u.add(5, 7);
  assert.deepEqual(dump(u), [[0, 2], [5, 7], [10, 12]]);
  u.add(2, 3); // touches [0, 2)
  assert.deepEqual(dump(u), [[0, 3], [5, 7], [10, 12]]);
  u.add(6, 10); // joins [5, 7) and [10, 12)
  assert.deepEqual(dump(u), [[0, 3], [5, 12]]);
  u.add(1, 2); // inside
  u.add(4, 4.5); // a new range in between
  assert.deepEqual(dump(u), [[0, 3], [4, 4.5], [5, 12]]);
  u.add(-1, 20); // swallows all
  assert.deepEqual(dump(u), [[-1, 20]]);
});

Deno.test("IntervalUnion.blockingEnd finds the highest range in the window", () => {
  const u = new IntervalUnion();
  u.add(0, 4);
  u.add(6, 8);
  assert.equal(u.blockingEnd(0, 1), 4);
  assert.equal(u.blockingEnd(4, 2), -1); // [4, 6) is exactly the hole
  assert.equal(u.blockingEnd(4, 3), 8); // [4, 7) reaches [6, 8)
  assert.equal(u.blockingEnd(3, 10), 8); // both; the higher one decides
  assert.equal(u.blockingEnd(8, 5), -1);
  assert.equal(new IntervalUnion().blockingEnd(0, 1), -1);
});

Deno.test("IntervalUnion agrees with a bitmap on random additions", () => {
  for (let seed = 1; seed <= 30; seed++) {
    const rnd = seeded(seed);
    const u = new IntervalUnion();
    const bits = new Uint8Array(200);
    for (let k = 0; k < 60; k++) {
      const a = Math.floor(rnd() * 190), b = a + 1 + Math.floor(rnd() * 9);
      u.add(a, b);
      bits.fill(1, a, b);
      const ranges = dump(u);
      const fromU = new Uint8Array(200);
      for (const [s, e] of ranges) fromU.fill(1, s, e);
      assert.deepEqual(fromU, bits, `seed ${seed}`);
      for (let i = 1; i < ranges.length; i++) assert.ok(ranges[i - 1][1] < ranges[i][0]);
      const y = Math.floor(rnd() * 195), len = 1 + Math.floor(rnd() * 5);
      const hit = bits.subarray(y, y + len).some((x) => x === 1);
      assert.equal(u.blockingEnd(y, len) >= 0, hit, `seed ${seed}`);
    }
  }
});
