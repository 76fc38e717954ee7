import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { firstRepeatedRange } from "./distinct_ranges.ts";

/** The ids joined by commas, with the range of each. */
function ranges(ids: string[]): { text: Uint8Array; start: Int32Array; end: Int32Array } {
  const start = new Int32Array(ids.length), end = new Int32Array(ids.length);
  const utf8 = new TextEncoder();
  let text = "", at = 0;
  ids.forEach((id, i) => {
    if (i > 0) (text += ","), at++;
    start[i] = at;
    text += id;
    at += utf8.encode(id).length;
    end[i] = at;
  });
  return { text: utf8.encode(text), start, end };
}

Deno.test("firstRepeatedRange: the first repeat, by text, not by position", () => {
  const r = ranges(["x", "xy", "y", "x"]);
  assert.equal(firstRepeatedRange(r.text, r.start, r.end), 3);
  const p = ranges(["ab", "a", "b", "ba"]); // equal lengths, other text
  assert.equal(firstRepeatedRange(p.text, p.start, p.end), -1);
  assert.equal(firstRepeatedRange(new Uint8Array(0), new Int32Array(0), new Int32Array(0)), -1);
});

Deno.test("firstRepeatedRange: agrees with a Set on random ids, collisions and repeats included", () => {
  const id = fc.string({ unit: fc.constantFrom("a", "b", "é", "\u{1F600}"), maxLength: 4 });
  fc.assert(
    fc.property(fc.array(id, { maxLength: 300 }), (ids) => {
      const seen = new Set<string>();
      const want = ids.findIndex((s) => seen.has(s) || (seen.add(s), false));
      const r = ranges(ids);
      assert.equal(firstRepeatedRange(r.text, r.start, r.end), want);
    }),
  );
});

Deno.test("firstRepeatedRange: tens of thousands of ids (checked part by part) agree with a Set", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 1 << 14, max: 40_000 }),
      fc.array(fc.tuple(fc.nat(), fc.nat()), { maxLength: 3 }),
      (n, repeats) => {
        const ids = Array.from({ length: n }, (_, i) => `%t${i % 97}_${i}.grad`);
        // Copy an earlier id over a later one: the smallest such later index is the answer.
        for (const [a, b] of repeats) {
          const [from, to] = [a % n, b % n].sort((x, y) => x - y);
          if (from !== to) ids[to] = ids[from];
        }
        const seen = new Set<string>();
        const want = ids.findIndex((s) => seen.has(s) || (seen.add(s), false));
        const r = ranges(ids);
        assert.equal(firstRepeatedRange(r.text, r.start, r.end), want);
      },
    ),
    { numRuns: 12 },
  );
});
