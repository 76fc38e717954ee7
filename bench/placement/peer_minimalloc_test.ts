import assert from "node:assert/strict";
import { peerCsv } from "./peer_minimalloc.ts";

Deno.test("peerCsv: size-0 buffers are left out, ids become indices, kept maps them back", () => {
  const { csv, kept } = peerCsv({
    buffers: [
      { id: "z", lower: 0, upper: 2, size: 0 },
      { id: "a,b", lower: 0, upper: 2, size: 4 },
      { id: "c", lower: 1, upper: 3, size: 2 },
    ],
  });
  assert.equal(csv, "id,lower,upper,size\n0,0,2,4\n1,1,3,2\n");
  assert.deepEqual(kept, [1, 2]);
});
