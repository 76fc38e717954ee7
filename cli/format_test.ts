import assert from "node:assert/strict";

Deno.test("formatMiB: two decimals, thousands separated", async () => {
  const { formatMiB } = await import("./format.ts");
  assert.equal(formatMiB(3 * 1048576), "3.00 MiB");
  assert.equal(formatMiB(2 ** 40), "1,048,576.00 MiB");
  assert.equal(formatMiB(0), "0.00 MiB");
});
