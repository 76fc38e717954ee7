import assert from "node:assert/strict";
import {
  bufferCount,
  bufferId,
  columnarProblem,
  problemColumns,
  readColumns,
} from "./problem_columns.ts";

const columns = () => ({
  lower: Float64Array.from([0, 1]),
  upper: Float64Array.from([2, 3]),
  size: Float64Array.from([4, 8]),
  offset: Float64Array.from([0, 4]),
  bytes: new TextEncoder().encode("a,bb"),
  idStart: Int32Array.from([0, 2]),
  idEnd: Int32Array.from([1, 4]),
});

Deno.test("columnarProblem: columns until the buffers are asked for, then the buffers only", () => {
  const p = columnarProblem(columns());
  assert.equal(bufferCount(p), 2);
  assert.equal(bufferId(p, 1), "bb");
  assert.equal(problemColumns(p).size, readColumns(p)!.size); // the same arrays, not copies
  const built = p.buffers;
  assert.deepEqual(built, [
    { id: "a", lower: 0, upper: 2, size: 4, offset: 0 },
    { id: "bb", lower: 1, upper: 3, size: 8, offset: 4 },
  ]);
  assert.equal(p.buffers, built); // built once
  assert.equal(readColumns(p), undefined);
  built[0].size = 16; // the buffers may change now; everything reads them
  assert.equal(problemColumns(p).size[0], 16);
});

Deno.test("columnarProblem: assigning buffers drops the columns; spreading builds them", () => {
  const p = columnarProblem(columns());
  p.buffers = [{ id: "z", lower: 0, upper: 1, size: 1 }];
  assert.equal(readColumns(p), undefined);
  assert.equal(bufferCount(p), 1);
  const q = columnarProblem(columns());
  assert.deepEqual({ ...q }.buffers.map((b) => b.id), ["a", "bb"]);
});
