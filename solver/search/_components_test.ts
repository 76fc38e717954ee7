import assert from "node:assert/strict";
import { splitComponents } from "./_components.ts";

Deno.test("splitComponents cuts where no lifespan crosses and compresses time to sections", () => {
  // a [0,4) and b [2,6) overlap; c [6,9) only touches b (half-open), so it is
  // its own part; z has size 0 and is left out.
  const parts = splitComponents({
    buffers: [
      { id: "a", lower: 0, upper: 4, size: 3 },
      { id: "b", lower: 2, upper: 6, size: 5 },
      { id: "c", lower: 6, upper: 9, size: 2 },
      { id: "z", lower: 0, upper: 9, size: 0 },
    ],
  });
  assert.equal(parts.length, 2);
  const [ab, c] = parts;
  assert.deepEqual([...ab.ids], [0, 1]);
  // Points 0, 2, 4, 6: sections [0,2), [2,4), [4,6).
  assert.equal(ab.sectionCount, 3);
  assert.deepEqual([...ab.first], [0, 1]);
  assert.deepEqual([...ab.end], [2, 3]);
  assert.deepEqual([...c.ids], [2]);
  assert.deepEqual([c.first[0], c.end[0], c.sectionCount], [0, 1, 1]);
});

Deno.test("splitComponents rounds sizes up to the alignment and rejects a bad alignment", () => {
  const [part] = splitComponents({
    alignment: 8,
    buffers: [{ id: "a", lower: 0, upper: 1, size: 9 }, { id: "b", lower: 0, upper: 1, size: 16 }],
  });
  assert.deepEqual([...part.size], [9, 16]);
  assert.deepEqual([...part.footprint], [16, 16]);
  assert.throws(() => splitComponents({ alignment: 0, buffers: [] }), /alignment/);
  assert.deepEqual(splitComponents({ buffers: [] }), []);
});

Deno.test("splitComponents keeps a part whole when a long buffer bridges two groups", () => {
  const parts = splitComponents({
    buffers: [
      { id: "x", lower: 0, upper: 2, size: 1 },
      { id: "y", lower: 5, upper: 7, size: 1 },
      { id: "long", lower: 1, upper: 6, size: 1 },
    ],
  });
  assert.equal(parts.length, 1);
  assert.equal(parts[0].ids.length, 3);
});
