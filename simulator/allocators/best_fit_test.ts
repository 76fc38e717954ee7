import assert from "node:assert/strict";
import { createBestFit } from "./best_fit.ts";

Deno.test("best-fit takes the tightest hole, not the lowest", () => {
  const a = createBestFit();
  a.allocate(0, 100); // [0, 100)
  a.allocate(1, 10); // [100, 110)
  a.allocate(2, 40); // [110, 150)
  a.allocate(3, 10); // [150, 160)
  a.free(0); // hole of 100 at 0
  a.free(2); // hole of 40 at 110
  // Both holes fit 30; 40 < 100, so the hole at 110 wins (first-fit says 0).
  assert.equal(a.allocate(4, 30), 110);
  // Left: [0, 100) and [140, 150). 10 fits the 10-byte rest exactly.
  assert.equal(a.allocate(5, 10), 140);
  assert.equal(a.allocate(6, 10), 0);
});

Deno.test("best-fit breaks ties between equal holes by the lowest address", () => {
  const a = createBestFit();
  for (let t = 0; t < 6; t++) a.allocate(t, 10); // [0, 60) in blocks of 10
  a.free(4); // hole [40, 50)
  a.free(0); // hole [0, 10)
  a.free(2); // hole [20, 30)
  assert.equal(a.allocate(6, 5), 0);
  assert.equal(a.allocate(7, 10), 20); // [5, 10) is now too small
  assert.equal(a.allocate(8, 10), 40);
});

Deno.test("best-fit prefers a hole to extending the top", () => {
  const a = createBestFit();
  a.allocate(0, 10); // [0, 10)
  a.allocate(1, 10); // [10, 20)
  a.allocate(2, 30); // [20, 50)
  a.free(0); // hole of 10 at 0
  a.free(2); // free [20, 50) reaches the top
  // 10 fits both; the 10-byte hole is tighter than the 30-byte top range.
  assert.equal(a.allocate(3, 10), 0);
  // 40 fits nothing: extend [20, 50) from 20, top 20 + 40 = 60.
  assert.equal(a.allocate(4, 40), 20);
  assert.equal(a.top, 60);
});

Deno.test("createBestFit passes the alignment on", () => {
  const a = createBestFit({ alignment: 64 });
  assert.equal(a.allocate(0, 1), 0);
  assert.equal(a.allocate(1, 65), 64);
  assert.equal(a.allocate(2, 1), 192); // 64 + 128
});
