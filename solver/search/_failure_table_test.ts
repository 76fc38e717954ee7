import assert from "node:assert/strict";
import { FailureTable } from "./_failure_table.ts";

Deno.test("FailureTable keeps every key added, including (0, 0), until it fills up", () => {
  const t = new FailureTable({ maxEntries: 1 << 12 });
  const keys: [number, number][] = [[0, 0], [0, 1], [-1, 0]];
  for (let i = 1; i < 3000; i++) keys.push([Math.imul(i, 0x9e3779b1), i ^ 0x5bd1e995]);
  for (const [a, b] of keys) t.add(a, b);
  // (0, 0) and (0, 1) share a slot by design: one key fewer.
  assert.equal(t.size, keys.length - 1);
  for (const [a, b] of keys) assert.ok(t.has(a, b));
  assert.ok(!t.has(12345, 678));
  t.add(7, 7);
  assert.equal(t.size, keys.length);
});

Deno.test("FailureTable empties itself at its size limit instead of growing", () => {
  const t = new FailureTable({ maxEntries: 1024 });
  for (let i = 1; i <= 5000; i++) t.add(i, -i);
  assert.ok(t.size <= 1024);
  assert.ok(t.has(5000, -5000), "the latest key is kept");
});

Deno.test("FailureTable shared: keys added on either side are seen on both; a full one takes no more", () => {
  const t = new FailureTable({ maxEntries: 600 });
  for (let k = 1; k <= 100; k++) t.add(k, -k);
  const other = FailureTable.onShared(t.toShared());
  for (let k = 1; k <= 100; k++) assert.ok(other.has(k, -k), `moved key ${k}`);
  for (let k = 101; k <= 2000; k++) (k % 2 === 0 ? t : other).add(k, -k);
  // Room for 1024 keys (the slots are a power of two, twice the room); never more.
  assert.equal(t.size, 1024);
  assert.equal(other.size, 1024);
  assert.ok(t.has(1001, -1001) && other.has(1000, -1000));
  assert.ok(!t.has(1500, -1500), "added once full: not kept");
  assert.ok(!t.has(0, 1) && !t.has(7, 7));
});
