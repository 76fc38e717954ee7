import assert from "node:assert/strict";
import { indexGraph } from "../indexed_graph.ts";
import { branchyGraph } from "../_fixtures_test_util.ts";
import { opUpperBounds } from "./op_upper_bounds.ts";

Deno.test("op upper bounds: the least of program order, earliest and latest", () => {
  const g = indexGraph(branchyGraph());
  // program order [14, 15, 15, 15, 6, 4]; early [14, 15, 14, 15, 6, 23]; late [15, 15, 15, 15, 6, 4]
  assert.deepEqual(Array.from(opUpperBounds(g)), [14, 15, 14, 15, 6, 4]);
});

Deno.test("op upper bounds: a given order may lower them; an invalid one throws", () => {
  const g = indexGraph(branchyGraph());
  // q1 q2 p1 p2 j upd: at p1, x 1 + w 3 + s2 1 + big 10 = 15 (no lower); still valid
  const order = Int32Array.from([2, 3, 0, 1, 4, 5]);
  assert.deepEqual(Array.from(opUpperBounds(g, { orders: [order] })), [14, 15, 14, 15, 6, 4]);
  assert.throws(
    () => opUpperBounds(g, { orders: [Int32Array.from([1, 0, 2, 3, 4, 5])] }),
    RangeError,
  );
});
