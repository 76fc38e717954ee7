import assert from "node:assert/strict";
import { indexGraph } from "../../graph/indexed_graph.ts";
import type { Graph } from "../../graph/types.ts";
import { assertTopological, randomDag } from "../../testkit/mod.ts";
import { fanoutGraph, twoLayerStepGraph } from "./_fixtures.ts";
import { type ListRule, listSchedule } from "./_list_schedule.ts";

const RULES: ListRule[] = [];
for (const primary of ["net", "alloc"] as const) {
  for (const lookahead of [false, true]) {
    for (const tie of ["program", "lifo"] as const) RULES.push({ primary, lookahead, tie });
  }
}

const ids = (graph: Graph, order: Int32Array) => [...order].map((v) => graph.ops[v].id);

Deno.test("listSchedule net/program finishes a branch before starting the next (fanout)", () => {
  // See fanoutGraph: a1 and b1 both keep 10 bytes; tie -> program order runs a1.
  // Then x has one reader left (b1), so b1 frees 1: net 9; a2 frees A (10) and
  // keeps a (1): net -9, so a2 runs before b1.
  const graph = fanoutGraph();
  const order = listSchedule(indexGraph(graph), {
    primary: "net",
    lookahead: false,
    tie: "program",
  });
  assert.deepEqual(ids(graph, order), ["a1", "a2", "b1", "b2", "j"]);
});

Deno.test("listSchedule net/lifo prefers the op readied last (fanout)", () => {
  // a1 and b1 tie on net 10; b1 became ready after a1, so lifo runs b1, then
  // b2 (net -9) before a1 (net 9: it now frees x).
  const graph = fanoutGraph();
  const order = listSchedule(indexGraph(graph), { primary: "net", lookahead: false, tie: "lifo" });
  assert.deepEqual(ids(graph, order), ["b1", "b2", "a1", "a2", "j"]);
});

Deno.test("listSchedule runs an update as soon as it frees a gradient (two-layer step)", () => {
  const graph = twoLayerStepGraph();
  const order = listSchedule(indexGraph(graph), {
    primary: "net",
    lookahead: false,
    tie: "program",
  });
  assert.deepEqual(ids(graph, order), ["f1", "f2", "loss", "b2", "u2", "b1", "u1"]);
});

Deno.test("listSchedule lookahead credits progress towards freeing a big tensor", () => {
  // p: x -> T(100), k(1); T is read by r1, r2, r3 -> t1, t2, t3 (1 each, outputs);
  // q: k -> S(2); s: S -> z(1, output). File order p, q, s, r1, r2, r3.
  // After p, q keeps 2 and frees k: +1; each r keeps 1 and frees nothing: +1.
  // Without lookahead the tie goes to q (earlier in the file), then s (-1),
  // then r1, r2, r3. With lookahead each r is credited 100/3 (1 - 33.3), so r1
  // runs; then r2, r3 hold 100/2 each (1 - 50), r2 runs; r3 frees T (-99).
  const graph: Graph = {
    format: "memplan.graph/v1",
    name: "lookahead",
    tensors: [
      { id: "x", size: 1, kind: "input" },
      { id: "T", size: 100 },
      { id: "k", size: 1 },
      { id: "S", size: 2 },
      { id: "z", size: 1, kind: "output" },
      { id: "t1", size: 1, kind: "output" },
      { id: "t2", size: 1, kind: "output" },
      { id: "t3", size: 1, kind: "output" },
    ],
    ops: [
      { id: "p", in: ["x"], out: ["T", "k"] },
      { id: "q", in: ["k"], out: ["S"] },
      { id: "s", in: ["S"], out: ["z"] },
      { id: "r1", in: ["T"], out: ["t1"] },
      { id: "r2", in: ["T"], out: ["t2"] },
      { id: "r3", in: ["T"], out: ["t3"] },
    ],
  };
  const g = indexGraph(graph);
  const plain = listSchedule(g, { primary: "net", lookahead: false, tie: "program" });
  assert.deepEqual(ids(graph, plain), ["p", "q", "s", "r1", "r2", "r3"]);
  const ahead = listSchedule(g, { primary: "net", lookahead: true, tie: "program" });
  assert.deepEqual(ids(graph, ahead), ["p", "r1", "r2", "r3", "q", "s"]);
});

Deno.test("listSchedule: an op reading one tensor twice frees it once", () => {
  const graph: Graph = {
    format: "memplan.graph/v1",
    name: "twice",
    tensors: [{ id: "x", size: 3, kind: "input" }, { id: "a", size: 5 }, {
      id: "y",
      size: 1,
      kind: "output",
    }],
    ops: [{ id: "f", in: ["x", "x"], out: ["a"] }, { id: "g", in: ["a", "a"], out: ["y"] }],
  };
  const order = listSchedule(indexGraph(graph), { primary: "net", lookahead: true, tie: "lifo" });
  assert.deepEqual(ids(graph, order), ["f", "g"]);
});

Deno.test("listSchedule: every rule gives a topological permutation on random DAGs", () => {
  for (let seed = 1; seed <= 60; seed++) {
    const g = indexGraph(randomDag({ seed, ops: 5 + (seed % 40) }));
    for (const rule of RULES) {
      try {
        assertTopological(g, listSchedule(g, rule));
      } catch (e) {
        throw new Error(`seed ${seed}, rule ${JSON.stringify(rule)}: ${(e as Error).message}`);
      }
    }
  }
});

Deno.test("listSchedule handles a graph without ops", () => {
  const g = indexGraph({ format: "memplan.graph/v1", name: "empty", tensors: [], ops: [] });
  assert.equal(listSchedule(g, RULES[0]).length, 0);
});
