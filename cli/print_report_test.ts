import assert from "node:assert/strict";
import { describeViolation, formatPlannerBug } from "./print_report.ts";
import type { Violation } from "../simulator/violations.ts";

const overlap: Violation = {
  kind: "overlap",
  step: 3,
  tensors: ["a", "b"],
  ranges: [[0, 8], [7, 9]],
};

Deno.test("describeViolation: an overlap names both tensors and their byte ranges", () => {
  assert.equal(describeViolation(overlap), 'overlap at step 3: "a" [0, 8) and "b" [7, 9)');
});

Deno.test("formatPlannerBug: names the planner and lists at most ten violations", () => {
  const many = Array.from({ length: 12 }, () => overlap);
  const text = formatPlannerBug("the greedy-size placer", "placement", many);
  const lines = text.split("\n");
  assert.equal(lines[0], "memplan: the greedy-size placer produced an invalid placement:");
  assert.equal(lines.length, 11);
  assert.ok(lines.slice(1).every((l) => l.startsWith("  - overlap at step 3")));
});

Deno.test("renderTable: a rule under the header, none between rows", async () => {
  const { renderTable } = await import("./format.ts");
  const lines = renderTable(["kind", "bytes"], [["weight", "1,024"], ["activation", 8]]).split(
    "\n",
  );
  assert.equal(lines.length, 6);
  assert.match(lines[2], /^├─+┼─+┤$/);
  assert.match(lines[3], /│ weight +│ +1,024 │/);
  assert.match(lines[4], /│ activation +│ +8 │/);
});

Deno.test("formatMiB: two decimals, thousands separated", async () => {
  const { formatMiB } = await import("./format.ts");
  assert.equal(formatMiB(3 * 1048576), "3.00 MiB");
  assert.equal(formatMiB(2 ** 40), "1,048,576.00 MiB");
  assert.equal(formatMiB(0), "0.00 MiB");
});
