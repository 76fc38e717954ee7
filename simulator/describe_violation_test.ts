import assert from "node:assert/strict";
import { describeViolation } from "./describe_violation.ts";
import type { Violation } from "./violations.ts";

const overlap: Violation = {
  kind: "overlap",
  step: 3,
  tensors: ["a", "b"],
  ranges: [[0, 8], [7, 9]],
};

Deno.test("describeViolation: an overlap names both tensors and their byte ranges", () => {
  assert.equal(describeViolation(overlap), 'overlap at step 3: "a" [0, 8) and "b" [7, 9)');
});
