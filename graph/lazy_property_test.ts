import assert from "node:assert/strict";
import { lazyProperty } from "./lazy_property.ts";

Deno.test("lazyProperty: written before read, never made; its place among the keys kept", () => {
  const o: Record<string, unknown> = { first: 1 };
  let made = 0, forgotten = 0;
  lazyProperty(o, "lazy", () => made++, () => forgotten++);
  o.last = 3;
  o.lazy = "given";
  assert.deepEqual([made, forgotten], [0, 1]);
  assert.deepEqual(Object.keys(o), ["first", "lazy", "last"]);
  assert.equal(JSON.stringify(o), '{"first":1,"lazy":"given","last":3}');
});
