import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { IdIndex } from "./id_index.ts";

Deno.test("IdIndex: dense index of each id, undefined for an unknown one", () => {
  const ix = new IdIndex(["x", "y", "conv_1", ""]);
  assert.equal(ix.get("x"), 0);
  assert.equal(ix.get("conv_1"), 2);
  assert.equal(ix.get(""), 3);
  assert.equal(ix.get("z"), undefined);
  assert.equal(ix.has("y"), true);
  assert.equal(ix.has("Y"), false);
  assert.equal(ix.size, 4);
});

Deno.test("IdIndex: a repeated id keeps its first index and each repeat is reported", () => {
  const seen: [number, number][] = [];
  const ix = new IdIndex(["a", "b", "a", "a"], (at, first) => seen.push([at, first]));
  assert.deepEqual(seen, [[2, 0], [3, 0]]);
  assert.equal(ix.get("a"), 0);
  assert.equal(ix.size, 2);
});

Deno.test("IdIndex: agrees with a Map on random id lists, collisions and repeats included", () => {
  // Short ids over a tiny alphabet make hash collisions and repeats common.
  const id = fc.string({ unit: fc.constantFrom("a", "b", "é", "\u{1F600}"), maxLength: 4 });
  fc.assert(
    fc.property(
      fc.array(id, { maxLength: 200 }),
      fc.array(id, { maxLength: 50 }),
      (ids, probes) => {
        const map = new Map<string, number>();
        const dups: number[] = [];
        ids.forEach((s, i) => map.has(s) ? dups.push(i) : map.set(s, i));
        const got: number[] = [];
        const ix = new IdIndex(ids, (at) => got.push(at));
        assert.deepEqual(got, dups);
        assert.equal(ix.size, map.size);
        for (const p of [...ids, ...probes]) assert.equal(ix.get(p), map.get(p));
      },
    ),
    { seed: 6006, numRuns: 300 },
  );
});

Deno.test("IdIndex: a million ids, every one found at its index", () => {
  const ids = Array.from({ length: 1_000_000 }, (_, i) => `t${i}`);
  const ix = new IdIndex(ids);
  let wrong = 0;
  for (let i = 0; i < ids.length; i += 997) if (ix.get(`t${i}`) !== i) wrong++;
  assert.equal(wrong, 0);
  assert.equal(ix.get("t1000000"), undefined);
});

Deno.test("IdIndex: ids that differ only in the high bits of a code unit still spread", () => {
  // FNV-1a alone would put all of these in the same low-bit bucket.
  const ids = Array.from(
    { length: 20_000 },
    (_, i) => `x${String.fromCharCode(0x100 * (i % 200) + 0x41)}${i >> 8}`,
  );
  const ix = new IdIndex(ids);
  assert.equal(ix.size, new Set(ids).size);
  for (let i = 0; i < ids.length; i += 101) assert.equal(ix.get(ids[i]), ids.indexOf(ids[i]));
});
