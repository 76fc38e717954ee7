import assert from "node:assert/strict";
import { indexGraph } from "../graph/indexed_graph.ts";
import { lifetimes } from "../graph/lifetimes.ts";
import { peakLive } from "../graph/metrics.ts";
import { bruteForceSchedule } from "./brute_force_schedule.ts";
import { randomDag } from "./random_dag.ts";

Deno.test("bruteForceSchedule: its best order reaches its peak; no op below its least", () => {
  for (let seed = 1; seed <= 20; seed++) {
    const graph = randomDag({ seed, ops: 6 });
    const r = bruteForceSchedule(graph);
    assert.ok(r.orders >= 1);
    const g = indexGraph(graph);
    const order = Int32Array.from(r.best, (id) => g.opIndex.get(id)!);
    assert.equal(peakLive(g, lifetimes(g, order)).bytes, r.peak, `seed ${seed}`);
    for (let v = 0; v < graph.ops.length; v++) {
      assert.ok(r.alwaysAt[v] <= r.leastAt[v] && r.leastAt[v] <= r.peak, `seed ${seed} op ${v}`);
    }
  }
});

Deno.test("bruteForceSchedule: a chain has one order; its peak is the largest step", () => {
  const graph = {
    format: "memplan.graph/v1" as const,
    name: "chain",
    tensors: [
      { id: "x", size: 4, kind: "input" as const },
      { id: "a", size: 8 },
      { id: "y", size: 2, kind: "output" as const },
    ],
    ops: [{ id: "f", in: ["x"], out: ["a"] }, { id: "g", in: ["a"], out: ["y"] }],
  };
  const r = bruteForceSchedule(graph);
  assert.equal(r.orders, 1);
  assert.deepEqual(r.best, ["f", "g"]);
  assert.equal(r.peak, 12);
  assert.deepEqual([...r.leastAt], [12, 10]);
  assert.deepEqual([...r.alwaysAt], [12, 10]);
});
