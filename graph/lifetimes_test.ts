import assert from "node:assert/strict";
import { indexGraph } from "./indexed_graph.ts";
import { lifetimes, programOrder, stepsOf } from "./lifetimes.ts";
import { branchyGraph, tinyGraph } from "./_fixtures_test_util.ts";

Deno.test("lifetimes: tiny graph under program order (table in _fixtures_test_util.ts)", () => {
  const g = indexGraph(tinyGraph());
  const { first, last } = lifetimes(g, programOrder(g));
  // x input [0,0]; w weight [0,3]; a [0,2]; b [1,2]; c [2,3]; loss output [3,3]
  assert.deepEqual(Array.from(first), [0, 0, 0, 1, 2, 3]);
  assert.deepEqual(Array.from(last), [0, 3, 2, 2, 3, 3]);
});

Deno.test("lifetimes: each kind's rule, under a reordering", () => {
  const g = indexGraph(branchyGraph());
  // order: q1 q2 p1 p2 j upd  (op indices 2 3 0 1 4 5)
  const order = Int32Array.from([2, 3, 0, 1, 4, 5]);
  assert.deepEqual(Array.from(stepsOf(g, order)), [2, 3, 0, 1, 4, 5]);
  const { first, last } = lifetimes(g, order);
  // x input: 0 .. last reader (p1 at 2)
  assert.deepEqual([first[0], last[0]], [0, 2]);
  // w weight: whole step
  assert.deepEqual([first[1], last[1]], [0, 5]);
  // big: made by p1 (2), read by p2 (3)
  assert.deepEqual([first[2], last[2]], [2, 3]);
  // y output: from j (4) to n-1
  assert.deepEqual([first[6], last[6]], [4, 5]);
});

Deno.test("lifetimes: an unread input lives at step 0 only; an unread activation at its producer's step", () => {
  const g = indexGraph({
    format: "memplan.graph/v1",
    name: "unread",
    tensors: [{ id: "i", size: 1, kind: "input" }, { id: "a", size: 1 }, { id: "b", size: 1 }],
    ops: [{ id: "f", in: [], out: ["a"] }, { id: "g", in: [], out: ["b"] }],
  });
  const { first, last } = lifetimes(g, programOrder(g));
  assert.deepEqual(Array.from(first), [0, 0, 1]);
  assert.deepEqual(Array.from(last), [0, 0, 1]);
});
