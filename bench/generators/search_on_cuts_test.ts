import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import { placeSearch } from "../../solver/search/search_placer.ts";
import { withHoles } from "./holes.ts";
import { mixedInstance, skylineInstance } from "./shapes.ts";
import { tightInstance } from "./tight.ts";

// Small cuts (unit 1, capacity 64) of every shape: the search must fit each at
// its known optimum, and what it returns must pass the verifier.
const shapes = {
  tight: (seed: number, buffers: number) =>
    tightInstance({ seed, buffers, capacity: 64, horizon: 64, unit: 1 }),
  skyline: (seed: number, buffers: number) =>
    skylineInstance({ seed, buffers, capacity: 64, unit: 1 }),
  mixed: (seed: number, buffers: number) => mixedInstance({ seed, buffers, capacity: 64, unit: 1 }),
};

Deno.test("the search fits small cuts of every shape, with and without holes, at their optimum", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...Object.keys(shapes) as (keyof typeof shapes)[]),
      fc.integer({ min: 1, max: 1 << 30 }),
      fc.integer({ min: 10, max: 40 }),
      fc.boolean(),
      (shape, seed, buffers, holes) => {
        const cut = shapes[shape](seed, buffers);
        const g = holes ? withHoles(cut, { seed }) : cut;
        const r = placeSearch(g.problem, { capacity: g.capacity, timeLimit: Infinity });
        assert.ok(r.status === "optimal", `${g.name}: ${r.status}`);
        assert.ok(verifyPlacement(g.problem, r.offsets, { capacity: g.capacity }).ok, g.name);
      },
    ),
    { seed: 20261205, numRuns: 150 },
  );
});
