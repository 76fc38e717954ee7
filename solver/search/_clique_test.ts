import assert from "node:assert/strict";
import { seeded } from "../../testkit/prng.ts";
import { splitComponents } from "./_components.ts";
import { isClique, stackClique } from "./_clique.ts";
import { searchComponent } from "./_search_component.ts";

Deno.test("isClique: a chain of overlaps is not a clique", () => {
  const [part] = splitComponents({
    buffers: [
      { id: "a", lower: 0, upper: 2, size: 1 },
      { id: "b", lower: 1, upper: 4, size: 1 },
      { id: "c", lower: 3, upper: 5, size: 1 },
    ],
  });
  assert.ok(!isClique(part));
});

Deno.test("stackClique agrees with the exact search on random cliques, alignment 1-4", () => {
  const random = seeded(11);
  for (let trial = 0; trial < 300; trial++) {
    const alignment = 1 + Math.floor(random() * 4), n = 1 + Math.floor(random() * 5);
    const buffers = Array.from({ length: n }, (_, i) => ({
      id: `b${i}`,
      lower: Math.floor(random() * 3),
      upper: 3 + Math.floor(random() * 3),
      size: 1 + Math.floor(random() * 9),
    }));
    const [part] = splitComponents({ alignment, buffers });
    assert.ok(isClique(part));
    const capacity = Math.floor(random() * 40);
    const stacked = stackClique(part, capacity);
    const searched = searchComponent(part, { capacity, alignment, deadline: Infinity });
    assert.equal(stacked !== undefined, searched.outcome === "found", `trial ${trial}`);
    if (stacked === undefined) continue;
    for (let b = 0; b < n; b++) {
      assert.equal(stacked[b] % alignment, 0);
      assert.ok(stacked[b] + part.size[b] <= capacity);
      for (let c = 0; c < b; c++) {
        const apart: boolean = stacked[b] >= stacked[c] + part.size[c] ||
          stacked[c] >= stacked[b] + part.size[b];
        assert.ok(apart, `trial ${trial}: ${b} and ${c} overlap`);
      }
    }
  }
});
