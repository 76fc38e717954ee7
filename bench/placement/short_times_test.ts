import assert from "node:assert/strict";
import { atMilliseconds, medianOfShort } from "./short_times.ts";

Deno.test("medianOfShort: a short first run is repeated, the median run kept", async () => {
  const times = [0.01, 0.03, 0.02, 0.5];
  let calls = 0;
  const r = await medianOfShort(() => {
    calls++;
    return Promise.resolve({ seconds: times.shift()!, id: calls });
  });
  assert.equal(calls, 3);
  assert.deepEqual(r, { seconds: 0.02, id: 3 });
});

Deno.test("medianOfShort: a long first run is kept alone", async () => {
  let calls = 0;
  const r = await medianOfShort(() => Promise.resolve({ seconds: 0.2 + calls++ }), {
    repeats: 5,
    under: 0.1,
  });
  assert.equal(calls, 1);
  assert.equal(r.seconds, 0.2);
});

Deno.test("atMilliseconds: nearest millisecond, at least one", () => {
  assert.equal(atMilliseconds(0.0104), 0.01);
  assert.equal(atMilliseconds(0.0005), 0.001);
  assert.equal(atMilliseconds(2.3456), 2.346);
});
