import assert from "node:assert/strict";
import type { Violation } from "../simulator/violations.ts";
import { formatPlannerBug, plannerBugs } from "./planner_bug.ts";

const overlap: Violation = {
  kind: "overlap",
  step: 3,
  tensors: ["a", "b"],
  ranges: [[0, 8], [7, 9]],
};

Deno.test("formatPlannerBug: names the planner and lists at most ten violations", () => {
  const many = Array.from({ length: 12 }, () => overlap);
  const text = formatPlannerBug("the greedy-size placer", "placement", many);
  const lines = text.split("\n");
  assert.equal(lines[0], "memplan: the greedy-size placer produced an invalid placement:");
  assert.equal(lines.length, 11);
  assert.ok(lines.slice(1).every((l) => l.startsWith("  - overlap at step 3")));
});

Deno.test("plannerBugs: over capacity is an outcome, every other kind a bug", () => {
  const capacity: Violation = {
    kind: "out_of_capacity",
    step: 0,
    tensor: "a",
    range: [0, 9],
    capacity: 8,
  };
  assert.deepEqual(plannerBugs([capacity]), []);
  assert.deepEqual(plannerBugs([capacity, overlap]), [overlap]);
});
