import assert from "node:assert/strict";
import { createFirstFit } from "./first_fit.ts";

Deno.test("first-fit takes the lowest hole that fits, not the tightest", () => {
  const a = createFirstFit();
  a.allocate(0, 100); // [0, 100)
  a.allocate(1, 10); // [100, 110)
  a.allocate(2, 40); // [110, 150)
  a.allocate(3, 10); // [150, 160)
  a.free(0); // hole of 100 at 0
  a.free(2); // hole of 40 at 110
  // Both holes fit 30; the lower one wins although 40 would be tighter.
  assert.equal(a.allocate(4, 30), 0);
  // The rest of that hole, [30, 100), still comes first: 30 + 50 = 80 <= 100.
  assert.equal(a.allocate(5, 50), 30);
  // [80, 100) holds only 20 bytes; 40 fits [110, 150) exactly.
  assert.equal(a.allocate(6, 40), 110);
});

Deno.test("first-fit skips holes that are too small", () => {
  const a = createFirstFit();
  a.allocate(0, 10); // [0, 10)
  a.allocate(1, 10); // [10, 20)
  a.allocate(2, 40); // [20, 60)
  a.allocate(3, 10); // [60, 70)
  a.free(0); // hole of 10 at 0
  a.free(2); // hole of 40 at 20
  assert.equal(a.allocate(4, 20), 20); // 20 > 10: the hole at 0 is skipped
  assert.equal(a.allocate(5, 10), 0); // 10 fits the hole at 0 again
});

Deno.test("createFirstFit passes the alignment on", () => {
  const a = createFirstFit({ alignment: 64 });
  assert.equal(a.allocate(0, 1), 0);
  assert.equal(a.allocate(1, 1), 64);
});
