import assert from "node:assert/strict";
import { indexGraph } from "../indexed_graph.ts";
import { branchyGraph, tinyGraph } from "../_fixtures_test_util.ts";
import { precedence } from "./precedence.ts";

const list = (start: Int32Array, items: Int32Array, v: number) =>
  Array.from(items.subarray(start[v], start[v + 1]));

Deno.test("precedence: tiny chain; f3 reads a (f1) and b (f2)", () => {
  const p = precedence(indexGraph(tinyGraph()));
  assert.deepEqual([0, 1, 2, 3].map((v) => list(p.predStart, p.predList, v)), [[], [0], [0, 1], [
    2,
  ]]);
  assert.deepEqual([0, 1, 2, 3].map((v) => list(p.succStart, p.succList, v)), [
    [1, 2],
    [2],
    [3],
    [],
  ]);
});

Deno.test("precedence: after edges join data edges; x and w have no producer", () => {
  const p = precedence(indexGraph(branchyGraph()));
  // p1 p2 q1 q2 j upd: j reads s1 (p2), s2 (q2); upd runs after p1 and q1
  assert.deepEqual(list(p.predStart, p.predList, 4), [1, 3]);
  assert.deepEqual(list(p.predStart, p.predList, 5), [0, 2]);
  assert.deepEqual(list(p.succStart, p.succList, 0), [1, 5]);
});

Deno.test("precedence: repeated reads and an after edge to the same producer count once", () => {
  const p = precedence(indexGraph({
    format: "memplan.graph/v1",
    name: "dup",
    tensors: [{ id: "a", size: 1 }, { id: "b", size: 1 }],
    ops: [
      { id: "f", in: [], out: ["a", "b"] },
      { id: "g", in: ["b", "a", "a"], out: [], after: ["f"] },
    ],
  }));
  assert.deepEqual(list(p.predStart, p.predList, 1), [0]);
  assert.deepEqual(list(p.succStart, p.succList, 0), [1]);
});
