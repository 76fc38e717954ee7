import assert from "node:assert/strict";
import { evaluate, ModelBuilder } from "./model.ts";

Deno.test("ModelBuilder stores rows in CSR and merges a repeated column", () => {
  const b = new ModelBuilder("m");
  const x = b.addVar("x"), y = b.addVar("y", { lower: -1, upper: 1, integer: true, cost: 3 });
  b.addRow("r0", [x, y, x], [1, 2, 4], { upper: 5 });
  b.addRow("r1", [y], [1], { lower: 0 });
  const m = b.build();
  assert.equal(m.numCols, 2);
  assert.deepEqual([...m.rowStart], [0, 2, 3]);
  assert.deepEqual([...m.rowIndex], [0, 1, 1]);
  assert.deepEqual([...m.rowValue], [5, 2, 1]);
  assert.deepEqual([...m.integer], [0, 1]);
  assert.equal(m.rowLower[0], -Infinity);
  assert.equal(m.rowUpper[1], Infinity);
});

Deno.test("ModelBuilder grows past its initial capacity", () => {
  const b = new ModelBuilder();
  const cols = Array.from({ length: 300 }, (_, j) => b.addVar(`x${j}`));
  for (let i = 0; i < 300; i++) b.addRow(`r${i}`, cols, cols.map(() => 1), { upper: i });
  const m = b.build();
  assert.equal(m.rowIndex.length, 90000);
  for (let i = 0; i < 300; i++) {
    assert.equal(m.rowLower[i], -Infinity);
    assert.equal(m.rowUpper[i], i);
    assert.equal(m.rowStart[i + 1], 300 * (i + 1));
  }
});

Deno.test("evaluate reports objective and the worst violation", () => {
  const b = new ModelBuilder();
  const x = b.addVar("x", { upper: 4, integer: true, cost: -1 });
  b.addRow("cap", [x], [2], { upper: 7 });
  const m = b.build();
  assert.deepEqual(evaluate(m, Float64Array.from([3])), {
    objective: -3,
    feasible: true,
    worstViolation: 0,
  });
  const bad = evaluate(m, Float64Array.from([4]));
  assert.equal(bad.feasible, false);
  assert.equal(bad.worstViolation, 1);
  assert.equal(evaluate(m, Float64Array.from([2.5])).feasible, false);
});
