import assert from "node:assert/strict";
import { byteUnit, formatBytesShort, linearScale, niceStep, niceTicks, px } from "./scale.ts";

Deno.test("niceTicks: steps of 1, 2 or 5 times a power of ten, within the range", () => {
  assert.deepEqual(niceTicks(23, 5), [0, 5, 10, 15, 20]);
  assert.deepEqual(niceTicks(1, 5), [0, 0.2, 0.4, 0.6, 0.8, 1]);
  assert.deepEqual(niceTicks(3, 8, true), [0, 1, 2, 3]);
  assert.deepEqual(niceTicks(0, 5), [0]);
  assert.equal(niceStep(3.2), 5);
  assert.equal(niceStep(0.3, true), 1);
});

Deno.test("byte units and labels", () => {
  assert.equal(byteUnit(23).name, "B");
  assert.equal(byteUnit(800 * 2 ** 20).name, "MiB");
  assert.equal(byteUnit(100 * 2 ** 30).name, "GiB");
  assert.equal(formatBytesShort(782496996), "746.2 MiB");
  assert.equal(formatBytesShort(23), "23 B");
  assert.equal(formatBytesShort(1140850688), "1,088.0 MiB");
});

Deno.test("linearScale and px", () => {
  const y = linearScale(100, 300, 100);
  assert.equal(y(50), 200);
  assert.equal(linearScale(0, 5, 10)(3), 5);
  assert.equal(px(12.3456), "12.35");
  assert.equal(px(-0.001), "0");
});
