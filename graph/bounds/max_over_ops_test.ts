import assert from "node:assert/strict";
import { maxOverOps } from "./max_over_ops.ts";

Deno.test("max over ops: first largest op; the floor only when strictly larger", () => {
  assert.deepEqual(maxOverOps(Float64Array.from([3, 9, 9]), { bytes: 5, op: -1 }), {
    bytes: 9,
    op: 1,
  });
  assert.deepEqual(maxOverOps(Float64Array.from([3, 9]), { bytes: 9, op: -1 }), {
    bytes: 9,
    op: 1,
  });
  assert.deepEqual(maxOverOps(Float64Array.from([3]), { bytes: 10, op: -1 }), {
    bytes: 10,
    op: -1,
  });
  assert.deepEqual(maxOverOps(new Float64Array(0), { bytes: 0, op: -1 }), { bytes: 0, op: -1 });
});
