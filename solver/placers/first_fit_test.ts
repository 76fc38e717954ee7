import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { loadMinimallocCsv } from "../../graph/load.ts";
import { parseMinimallocCsv } from "../../graph/minimalloc_csv.ts";
import { fourBuffers } from "./_fixtures.ts";
import { checkPlacerOnRandomProblems } from "./_variants_test_util.ts";
import { firstFitPlacer, placeFirstFit } from "./first_fit.ts";

Deno.test("first-fit places by start time into the lowest gap (four buffers)", async () => {
  // Order a, d (start 0; a larger), b (1), c (2). a -> 0; d -> 4; b meets a, d:
  // [0,5) taken, 5. c meets b [5,7) and d [4,5) but not a: the gap [0,4) holds
  // it, 0. Arena 7.
  const r = await firstFitPlacer.place(fourBuffers());
  assert.deepEqual([...r.offsets], [0, 5, 0, 4]);
  assert.equal(r.arena, 7);
});

Deno.test("first-fit on example.12.csv reaches 12", async () => {
  // b5, b3, b1 (start 0, longest first) -> 0, 4, 8; b2 -> 8; b4 meets b5 only: 4.
  const p = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
  const r = placeFirstFit(p);
  assert.deepEqual([...r.offsets], [8, 8, 4, 4, 0]);
  assert.equal(r.arena, 12);
});

Deno.test("first-fit gives valid placements on random problems", () => {
  checkPlacerOnRandomProblems(placeFirstFit);
});

Deno.test("first-fit places the same on times far apart as on step numbers", () => {
  const rows = fc.array(
    fc.record({ lower: fc.nat(10), length: fc.integer({ min: 1, max: 5 }), size: fc.nat(6) }),
    { maxLength: 30 },
  );
  fc.assert(fc.property(rows, (rs) => {
    const csv = (f: (t: number) => number) =>
      "id,lower,upper,size\n" +
      rs.map((r, i) => `b${i},${f(r.lower)},${f(r.lower + r.length)},${r.size}`).join("\n") + "\n";
    const plain = placeFirstFit(parseMinimallocCsv(csv((t) => t), "p.csv"));
    const far = placeFirstFit(parseMinimallocCsv(csv((t) => t * 1e9 + 3), "f.csv"));
    assert.deepEqual([...far.offsets], [...plain.offsets]);
  }));
});
