import assert from "node:assert/strict";
import { indexGraph } from "../../graph/indexed_graph.ts";
import { assertTopological, randomDag } from "../../testkit/mod.ts";
import { fanoutGraph, twoLayerStepGraph } from "./_fixtures.ts";
import { reverseDfsSchedule } from "./_reverse_dfs.ts";

Deno.test("reverseDfsSchedule finishes each input's subgraph in turn (fanout)", () => {
  // The only sink is j; it reads a, then b. a's subgraph is a2 <- a1, then b's.
  const graph = fanoutGraph();
  const order = reverseDfsSchedule(indexGraph(graph));
  assert.deepEqual([...order].map((v) => graph.ops[v].id), ["a1", "a2", "b1", "b2", "j"]);
});

Deno.test("reverseDfsSchedule follows after edges (two-layer step)", () => {
  // Sinks in program order: u2 (reads w2, gw2; after f2), then u1. u2 pulls in
  // b2 <- g2 <- loss <- f2 <- f1; u1 pulls in b1. (loss is not a sink: b2 reads g2.)
  const graph = twoLayerStepGraph();
  const g = indexGraph(graph);
  const order = reverseDfsSchedule(g);
  assert.deepEqual([...order].map((v) => graph.ops[v].id), [
    "f1",
    "f2",
    "loss",
    "b2",
    "u2",
    "b1",
    "u1",
  ]);
  assertTopological(g, order);
});

Deno.test("reverseDfsSchedule is a topological permutation on random DAGs", () => {
  for (let seed = 1; seed <= 80; seed++) {
    const g = indexGraph(randomDag({ seed, ops: 3 + (seed % 50) }));
    assertTopological(g, reverseDfsSchedule(g));
  }
});
