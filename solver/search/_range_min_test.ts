import assert from "node:assert/strict";
import { seeded } from "../../testkit/prng.ts";
import { RangeMin } from "./_range_min.ts";

Deno.test("RangeMin agrees with a loop over every range, and forgets after a flush", () => {
  const random = seeded(7);
  for (let trial = 0; trial < 300; trial++) {
    const size = 1 + Math.floor(random() * 70);
    const r = new RangeMin(size);
    for (let round = 0; round < 3; round++) {
      const lo = Math.floor(random() * size), hi = lo + 1 + Math.floor(random() * (size - lo));
      const out = new Float64Array(size).fill(Infinity), want = out.slice();
      const updates = Math.floor(random() * 12);
      for (let u = 0; u < updates; u++) {
        const a = lo + Math.floor(random() * (hi - lo));
        const b = a + 1 + Math.floor(random() * (hi - a));
        const v = Math.floor(random() * 50);
        r.add(a, b, v, out);
        for (let s = a; s < b; s++) want[s] = Math.min(want[s], v);
      }
      r.flush(out, lo, hi);
      assert.deepEqual([...out], [...want], `size ${size} [${lo}, ${hi})`);
    }
  }
});
