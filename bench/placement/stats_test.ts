import assert from "node:assert/strict";
import { loadNote, median, parseSeeds } from "./stats.ts";

Deno.test("median: odd, even, empty", () => {
  assert.equal(median([5, 1, 3]), 3);
  assert.equal(median([4, 1, 3, 2]), 2.5);
  assert.ok(Number.isNaN(median([])));
});

Deno.test("parseSeeds: ranges and lists; bad text is refused", () => {
  assert.deepEqual(parseSeeds("1-3,7"), [1, 2, 3, 7]);
  assert.throws(() => parseSeeds("3-1"), /backwards/);
  assert.throws(() => parseSeeds("x"), /not N or N-M/);
});

Deno.test("loadNote: names the load and the cores", () => {
  assert.match(loadNote(), /^load \d+\.\d\d on \d+ cores$/);
});
