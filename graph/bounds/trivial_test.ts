import assert from "node:assert/strict";
import { indexGraph } from "../indexed_graph.ts";
import { branchyGraph, tinyGraph } from "../_fixtures_test_util.ts";
import { kindsChainGraph } from "./_hand_graphs_test_util.ts";
import { trivialBound, trivialPerOp } from "./trivial.ts";

Deno.test("trivial: tiny, op by op (w 2 + operands)", () => {
  const g = indexGraph(tinyGraph());
  // f1: x 4 + a 8; f2: a 8 + b 8; f3: a 8 + b 8 + c 4; f4: c 4 + loss 1
  assert.deepEqual(Array.from(trivialPerOp(g)), [14, 18, 22, 7]);
  assert.deepEqual(trivialBound(g), { bytes: 22, op: 2 });
});

Deno.test("trivial: branchy; the in-place update counts its weight once, as persistent", () => {
  const g = indexGraph(branchyGraph());
  // w 3 + p1: x 1 + big 10; p2: big 10 + s1 1; q1, q2 alike; j: s1 + s2 + y; upd: nothing else
  assert.deepEqual(Array.from(trivialPerOp(g)), [14, 14, 14, 14, 6, 3]);
  assert.deepEqual(trivialBound(g), { bytes: 14, op: 0 }, "a tie with step 0 goes to the op");
});

Deno.test("trivial: the step-0 floor wins when an unread input is big", () => {
  const g = indexGraph(kindsChainGraph());
  // w + m = 5; A: x 5 + a 10 + ws 4; B: a 10 + o 6 + g 8; C: g 8 (w, m persistent)
  assert.deepEqual(Array.from(trivialPerOp(g)), [24, 29, 13]);
  assert.deepEqual(trivialBound(g), { bytes: 31, op: -1, step: "first" });
});

Deno.test("trivial: a tensor read twice by one op counts once", () => {
  const g = indexGraph({
    format: "memplan.graph/v1",
    name: "twice",
    tensors: [{ id: "a", size: 5 }, { id: "b", size: 1 }],
    ops: [{ id: "f", in: [], out: ["a"] }, { id: "g", in: ["a", "a"], out: ["b"] }],
  });
  assert.deepEqual(Array.from(trivialPerOp(g)), [5, 6]);
});
