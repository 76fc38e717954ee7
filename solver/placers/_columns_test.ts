import assert from "node:assert/strict";
import { bufferColumns } from "./_columns.ts";

Deno.test("bufferColumns: one entry per buffer, in order", () => {
  const c = bufferColumns({
    buffers: [
      { id: "a", lower: 0, upper: 2, size: 4 },
      { id: "b", lower: 1, upper: 5, size: 0 },
    ],
  });
  assert.deepEqual(c, {
    lower: Float64Array.from([0, 1]),
    upper: Float64Array.from([2, 5]),
    size: Float64Array.from([4, 0]),
  });
});
