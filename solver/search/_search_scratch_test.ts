import assert from "node:assert/strict";
import { SearchScratch } from "./_search_scratch.ts";

Deno.test("SearchScratch lends one array per name, growing it only when asked for more", () => {
  const s = new SearchScratch();
  const a = s.take("x", 4, Int32Array);
  a[3] = 7;
  assert.equal(s.take("x", 2, Int32Array)[3], 7);
  const b = s.take("x", 9, Int32Array);
  assert.notEqual(b, a);
  assert.ok(b.length >= 9);
  assert.notEqual(s.take("y", 4, Float64Array), s.take("x", 4, Int32Array));
});
