import assert from "node:assert/strict";
import { problemPeakLive } from "../../graph/placement_problem.ts";
import { familyInstances } from "./instances.ts";

Deno.test("familyInstances: tight at its known optimum, fixtures at their peak live", async () => {
  for await (const inst of familyInstances("tight", { seeds: [3, 4] })) {
    assert.equal(inst.capacity, 1 << 20);
    assert.equal(problemPeakLive(inst.problem), inst.capacity);
  }
  let fixtures = 0;
  for await (const inst of familyInstances("fixtures", { seeds: [] })) {
    assert.equal(inst.capacity, problemPeakLive(inst.problem), inst.name);
    fixtures++;
  }
  assert.ok(fixtures >= 3);
});

Deno.test("familyInstances: large families have the asked size", async () => {
  for await (const inst of familyInstances("compiler", { seeds: [1], buffers: 500 })) {
    assert.equal(inst.problem.buffers.length, 500);
    assert.equal(inst.name, "compiler-500-1");
  }
});
