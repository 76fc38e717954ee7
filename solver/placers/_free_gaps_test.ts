import assert from "node:assert/strict";
import { seeded } from "../../testkit/mod.ts";
import { FreeGaps } from "./_free_gaps.ts";

Deno.test("FreeGaps splits on take and merges on release", () => {
  const g = new FreeGaps(1); // grows as needed
  g.insert(0, Infinity);
  g.take(0, 4); // [0,4) used
  g.take(4, 2); // [4,6) used
  g.take(6, 3); // [6,9) used; free: [9, ∞)
  assert.equal(g.lowestFit(1), 9);
  g.release(0, 4); // free: [0,4), [9, ∞)
  assert.equal(g.lowestFit(4), 0);
  assert.equal(g.lowestFit(5), 9);
  g.release(6, 3); // free: [0,4), [6, ∞)
  assert.equal(g.lowestFit(5), 6);
  g.release(4, 2); // everything merges back: [0, ∞)
  assert.equal(g.lowestFit(1e9), 0);
});

Deno.test("FreeGaps agrees with a bitmap allocator (random)", () => {
  for (let seed = 1; seed <= 20; seed++) {
    const rnd = seeded(seed);
    const W = 400;
    const used = new Uint8Array(W + 200);
    const g = new FreeGaps(4);
    g.insert(0, Infinity);
    const live: [number, number][] = [];
    for (let step = 0; step < 300; step++) {
      if (live.length > 0 && rnd() < 0.45) {
        const [a, len] = live.splice(Math.floor(rnd() * live.length), 1)[0];
        g.release(a, len);
        used.fill(0, a, a + len);
      } else {
        const len = 1 + Math.floor(rnd() * 12);
        let expect = 0;
        while (used.subarray(expect, expect + len).some((x) => x === 1)) expect++;
        const y = g.lowestFit(len);
        assert.equal(y, expect, `seed ${seed}, step ${step}`);
        g.take(y, len);
        used.fill(1, y, y + len);
        live.push([y, len]);
      }
    }
  }
});

Deno.test("FreeGaps.allocLowest takes what lowestFit finds, as take would (random)", () => {
  for (let seed = 1; seed <= 20; seed++) {
    const rnd = seeded(seed);
    const one = new FreeGaps(2), other = new FreeGaps(2);
    one.insert(0, Infinity);
    other.insert(0, Infinity);
    const live: [number, number][] = [];
    for (let step = 0; step < 400; step++) {
      if (live.length > 0 && rnd() < 0.45) {
        const [a, len] = live.splice(Math.floor(rnd() * live.length), 1)[0];
        one.release(a, len);
        other.release(a, len);
      } else {
        const len = 1 + Math.floor(rnd() * 12);
        const y = other.lowestFit(len);
        other.take(y, len);
        assert.equal(one.allocLowest(len), y, `seed ${seed}, step ${step}`);
        live.push([y, len]);
      }
      // Both hold the same gaps: every length finds the same lowest fit.
      for (let len = 1; len <= 14; len++) assert.equal(one.lowestFit(len), other.lowestFit(len));
    }
  }
});
