import assert from "node:assert/strict";
import { labelValleys, valleysCover } from "./_valleys.ts";

function arrays(h: number[], rem: number[], ends: number[] = []) {
  const S = h.length;
  return {
    h: Float64Array.from(h),
    rem: Float64Array.from(rem),
    restOnIn: new Float64Array(S + 1).fill(1),
    end: Int32Array.from(ends),
    valley: new Int32Array(S + 1),
    low2: new Float64Array(S + 1),
    head: new Int32Array(S + 1).fill(-1),
    next: new Int32Array(Math.max(1, ends.length)).fill(-1),
    ok: new Uint8Array(S + 1),
  };
}

Deno.test("labelValleys: a run open to a side nothing unplaced covers is still walled", () => {
  // Section 3 holds nothing unplaced: no buffer crosses it, so it walls the run 1-2.
  const a = arrays([4, 0, 0, 9], [1, 1, 1, 0]);
  assert.equal(labelValleys(a, 0, 0, 4), 1);
  assert.deepEqual([...a.valley.subarray(0, 4)], [-1, 1, 1, -1]);
  // A lower neighbour is no wall.
  const b = arrays([4, 2, 2, 0], [1, 1, 1, 1]);
  assert.equal(labelValleys(b, 0, 0, 4), 1); // only section 3 (walled by 2 and the end)
  assert.deepEqual([...b.valley.subarray(0, 4)], [-1, -1, -1, 3]);
});

Deno.test("valleysCover: candidates must cover the sections that cannot wait, disjointly", () => {
  // Valley 1-3 at 0 between walls of 4; capacity 4; every section full to the top.
  const a = arrays([4, 0, 0, 0, 4], [1, 4, 4, 4, 1], [3, 4, 4]);
  labelValleys(a, 0, 0, 5);
  // Buffer 0 covers 1-2 and buffer 1 covers 3: together they cover the valley.
  a.head[1] = 0;
  a.head[3] = 1;
  assert.equal(valleysCover(a, 4, 0, 5), true);
  // Buffer 0 alone leaves section 3 uncovered.
  a.head[3] = -1;
  assert.equal(valleysCover(a, 4, 0, 5), false);
  // With room to wait in section 3 (2 bytes still to place), it need not be covered.
  a.rem[3] = 2;
  labelValleys(a, 0, 0, 5);
  assert.equal(valleysCover(a, 4, 0, 5), true);
});
