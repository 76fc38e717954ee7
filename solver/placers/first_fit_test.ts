import { problemOfRows } from "../../testkit/mod.ts";
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

Deno.test("first-fit is its definition: earliest start, then larger, then longer, each at the lowest gap", () => {
  const rows = fc.array(
    fc.record({ lower: fc.nat(12), length: fc.integer({ min: 1, max: 6 }), size: fc.nat(5) }),
    { maxLength: 40 },
  );
  fc.assert(fc.property(rows, (rs) => {
    const problem = problemOfRows(rs);
    const bs = problem.buffers;
    const order = bs.map((_, i) => i).sort((a, b) =>
      bs[a].lower - bs[b].lower || bs[b].size - bs[a].size ||
      (bs[b].upper - bs[b].lower) - (bs[a].upper - bs[a].lower) || a - b
    );
    const want = new Float64Array(bs.length);
    const placed: number[] = [];
    for (const i of order) {
      if (bs[i].size === 0) continue;
      const meets = placed.filter((j) => bs[j].lower < bs[i].upper && bs[i].lower < bs[j].upper);
      const fits = (y: number) =>
        meets.every((j) => want[j] + bs[j].size <= y || y + bs[i].size <= want[j]);
      want[i] = Math.min(...[0, ...meets.map((j) => want[j] + bs[j].size)].filter(fits));
      placed.push(i);
    }
    const got = placeFirstFit(problem).offsets;
    for (const i of placed) assert.equal(got[i], want[i], `buffer ${i}`);
  }));
});
