import assert from "node:assert/strict";
import { markWells, wellsAfford } from "./_wells.ts";

Deno.test("wells: what lies within must fill the space below the lower wall, or the section affords the waste", () => {
  // Sections 1-2 at 0 between walls of 6 and 8; capacity 8; water level 0.
  const make = (rem2: number) => ({
    h: Float64Array.of(6, 0, 0, 8),
    rem: Float64Array.of(1, 8, rem2, 1),
    well: new Int32Array(5),
    inside: new Float64Array(5),
  });
  const a = make(8);
  assert.equal(markWells(a, 0, 0, 4), 1);
  a.inside[1] = 6; // a buffer of 6 within sections 1-2 fills [0, 6) below the lower wall
  a.inside[3] = -6;
  assert.equal(wellsAfford(a, 8, 0, 0, 4), true);
  const b = make(8);
  markWells(b, 0, 0, 4);
  b.inside[1] = 4; // only 4: 2 bytes wasted in full sections
  b.inside[3] = -4;
  assert.equal(wellsAfford(b, 8, 0, 0, 4), false);
  const c = make(6); // section 2 has 2 bytes to spare, but section 1 has none
  markWells(c, 0, 0, 4);
  c.inside[1] = 4;
  c.inside[3] = -4;
  assert.equal(wellsAfford(c, 8, 0, 0, 4), false);
});

Deno.test("markWells: sections above the water level or with nothing unplaced are no well", () => {
  const a = {
    h: Float64Array.of(0, 5, 0, 0),
    rem: Float64Array.of(1, 1, 0, 1),
    well: new Int32Array(5),
    inside: new Float64Array(5),
  };
  assert.equal(markWells(a, 2, 0, 4), 2);
  assert.deepEqual([...a.well.subarray(0, 4)], [0, -1, -1, 1]);
});
