import assert from "node:assert/strict";
import { seeded } from "../../testkit/mod.ts";
import { ConflictIndex } from "./_conflict_index.ts";

Deno.test("ConflictIndex returns exactly the ranges of rectangles sharing a time point", () => {
  for (let seed = 1; seed <= 40; seed++) {
    const rnd = seeded(seed);
    // Up to 2,000 points: a tree of 12 levels, most lifespans split over many nodes.
    const points = 1 + Math.floor(rnd() * (seed % 2 ? 40 : 2000));
    const idx = new ConflictIndex(points);
    const placed: { from: number; to: number; start: number; end: number }[] = [];
    for (let k = 0; k < 80; k++) {
      const from = Math.floor(rnd() * points);
      const to = from + 1 + Math.floor(rnd() * (points - from));
      // The query: union of the sets vs the ranges of every placed rectangle meeting [from, to).
      const expected = new Uint8Array(300);
      for (const p of placed) if (p.from < to && from < p.to) expected.fill(1, p.start, p.end);
      const got = new Uint8Array(300);
      for (const s of idx.query(from, to)) {
        for (let i = 0; i < s.count; i++) got.fill(1, s.start(i), s.end(i));
      }
      assert.deepEqual(got, expected, `seed ${seed}, step ${k}`);
      const start = Math.floor(rnd() * 280), end = start + 1 + Math.floor(rnd() * 15);
      idx.insert(from, to, start, end);
      placed.push({ from, to, start, end });
    }
  }
});
