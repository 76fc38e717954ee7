import assert from "node:assert/strict";

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
