import assert from "node:assert/strict";
import { allowance, parseRuns } from "./placement_large.ts";

Deno.test("parseRuns: family:buffers:limit lists; anything else is refused", () => {
  assert.deepEqual(parseRuns("training:20000:60,compiler:16:0.5,random:300:2"), [
    { family: "training", buffers: 20000, limit: 60 },
    { family: "compiler", buffers: 16, limit: 0.5 },
    { family: "random", buffers: 300, limit: 2 },
  ]);
  assert.throws(() => parseRuns("square:10:1"), /family:buffers:limit/);
  assert.deepEqual(parseRuns("tight:2000:20"), [{ family: "tight", buffers: 2000, limit: 20 }]);
});

Deno.test("allowance: half a second, or 5% of long limits", () => {
  assert.equal(allowance(1), 0.5);
  assert.equal(allowance(60), 3);
});
