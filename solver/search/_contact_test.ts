import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { type ContactArrays, contactScore, sortByContact } from "./_contact.ts";

Deno.test("contactScore: walls of the valley and flush tops, each counted once", () => {
  // Tops 5, 0, 0, 0, 3: the valley at 0 is [1, 4).
  const a: ContactArrays = {
    h: Float64Array.of(5, 0, 0, 0, 3),
    first: Int32Array.of(1, 2, 1, 2),
    end: Int32Array.of(4, 3, 2, 4),
    fp: Float64Array.of(5, 1, 3, 3),
    sections: 5,
  };
  assert.equal(contactScore(a, 0, 0, 1, 4), 3); // both walls, flush with section 0
  assert.equal(contactScore(a, 1, 0, 1, 4), 0); // in the middle, touching nothing
  assert.equal(contactScore(a, 2, 0, 1, 4), 1); // left wall only
  assert.equal(contactScore(a, 3, 0, 1, 4), 2); // right wall, flush with section 4
});

Deno.test("sortByContact: a stable permutation of the slice, by descending score, rest untouched", () => {
  fc.assert(fc.property(
    fc.integer({ min: 2, max: 12 }),
    fc.array(fc.integer({ min: 0, max: 3 }), { minLength: 12, maxLength: 12 }),
    fc.array(fc.tuple(fc.nat(11), fc.nat(11), fc.integer({ min: 1, max: 3 })), {
      minLength: 1,
      maxLength: 10,
    }),
    fc.nat(11),
    (sections, tops, spans, pickSeed) => {
      const n = spans.length;
      const first = Int32Array.from(spans, ([f]) => f % sections);
      const end = Int32Array.from(spans, ([, w], i) => first[i] + 1 + w % (sections - first[i]));
      const a: ContactArrays = {
        h: Float64Array.from(tops.slice(0, sections)),
        first,
        end,
        fp: Float64Array.from(spans, ([, , s]) => s),
        sections,
      };
      const pick = pickSeed % sections, x = a.h[pick];
      // The pool holds a sentinel on each side of the slice.
      const pool = Int32Array.from([99, ...Array.from({ length: n }, (_, i) => i), 98]);
      sortByContact(a, pool, 1, n + 1, pick, x);
      assert.equal(pool[0], 99);
      assert.equal(pool[n + 1], 98);
      const got = [...pool.subarray(1, n + 1)];
      assert.deepEqual([...got].sort((p, q) => p - q), Array.from({ length: n }, (_, i) => i));
      let vl = pick, vr = pick + 1;
      while (vl > 0 && a.h[vl - 1] <= x) vl--;
      while (vr < sections && a.h[vr] <= x) vr++;
      const score = (b: number) => contactScore(a, b, x, vl, vr);
      for (let i = 1; i < n; i++) {
        const p = got[i - 1], q = got[i];
        assert.ok(score(p) > score(q) || (score(p) === score(q) && p < q), `${got}`);
      }
    },
  ));
});
