import assert from "node:assert/strict";
import { renderPairs, renderTable } from "./tables.ts";

Deno.test("renderTable: a rule under the header, none between rows", () => {
  const lines = renderTable(["kind", "bytes"], [["weight", "1,024"], ["activation", 8]]).split(
    "\n",
  );
  assert.equal(lines.length, 6);
  assert.match(lines[2], /^├─+┼─+┤$/);
  assert.match(lines[3], /│ weight +│ +1,024 │/);
  assert.match(lines[4], /│ activation +│ +8 │/);
});

Deno.test("renderPairs: one line per pair, no header rule", () => {
  const lines = renderPairs([["ops", "12"], ["tensors", 30]]).split("\n");
  assert.equal(lines.length, 4);
  assert.match(lines[1], /│ ops +│ 12 +│/);
  assert.match(lines[2], /│ tensors +│ 30 +│/);
});
