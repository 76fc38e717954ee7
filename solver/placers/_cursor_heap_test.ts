import assert from "node:assert/strict";
import { seeded } from "../../testkit/mod.ts";
import { CursorHeap } from "./_cursor_heap.ts";
import { IntervalUnion } from "./_interval_union.ts";

Deno.test("CursorHeap walks several unions' ranges in address order", () => {
  for (let seed = 1; seed <= 20; seed++) {
    const rnd = seeded(seed);
    const sets = Array.from({ length: 1 + Math.floor(rnd() * 70) }, () => new IntervalUnion());
    const all: number[][] = [];
    for (const s of sets) {
      for (let k = Math.floor(rnd() * 6); k > 0; k--) {
        const a = Math.floor(rnd() * 1000);
        s.add(a, a + 1 + Math.floor(rnd() * 20));
      }
      for (let i = 0; i < s.count; i++) all.push([s.start(i), s.end(i)]);
    }
    const h = new CursorHeap();
    h.reset(sets);
    const got: number[][] = [];
    while (h.size > 0) {
      got.push([h.minStart, h.minEnd]);
      h.advance();
    }
    assert.deepEqual(got.map((r) => r[0]), all.map((r) => r[0]).sort((x, y) => x - y));
    assert.equal(got.length, all.length);
  }
});
