import assert from "node:assert/strict";
import { indexGraph } from "../indexed_graph.ts";
import { branchyGraph, tinyGraph } from "../_fixtures_test_util.ts";
import { diamondGraph, kindsChainGraph } from "./_hand_graphs_test_util.ts";
import { endStepsBound, firstStepBound, lastStepBound } from "./end_steps.ts";

const first = (bytes: number) => ({ bytes, op: -1, step: "first" });
const last = (bytes: number) => ({ bytes, op: -1, step: "last" });

Deno.test("first step: persistent + all inputs + the lightest source's outputs", () => {
  // tiny: w 2 + x 4 + a 8 (f1, the only source)
  assert.deepEqual(firstStepBound(indexGraph(tinyGraph())), first(14));
  // branchy: w 3 + x 1 + min(p1: big 10, q1: big2 10); upd has after edges, so is no source
  assert.deepEqual(firstStepBound(indexGraph(branchyGraph())), first(14));
  // kinds chain: w 2 + m 3 + x 5 + u 7 (unread, still resident at step 0) + a 10 + ws 4
  assert.deepEqual(firstStepBound(indexGraph(kindsChainGraph())), first(31));
});

Deno.test("first step: the minimum is over sources, not all ops", () => {
  // s1 makes 5, s2 makes 3, k (not a source) makes 1 from s2's output: 0 + 3
  const g = indexGraph({
    format: "memplan.graph/v1",
    name: "sources",
    tensors: [{ id: "a", size: 5 }, { id: "b", size: 3 }, { id: "c", size: 1 }],
    ops: [
      { id: "s1", in: [], out: ["a"] },
      { id: "s2", in: [], out: ["b"] },
      { id: "k", in: ["b"], out: ["c"] },
    ],
  });
  assert.deepEqual(firstStepBound(g), first(3));
});

Deno.test("last step: persistent + all outputs + the lightest sink's other operands", () => {
  // tiny: w 2 + loss 1 + c 4 (f4, the only sink; loss counted once, as an output)
  assert.deepEqual(lastStepBound(indexGraph(tinyGraph())), last(7));
  // branchy: w 3 + y 1 + min(j: s1 + s2 = 2, upd: w only, 0); p1, q1 are no sinks (upd runs after them)
  assert.deepEqual(lastStepBound(indexGraph(branchyGraph())), last(4));
  // kinds chain: w 2 + m 3 + o 6 + g 8 (read by C)
  assert.deepEqual(lastStepBound(indexGraph(kindsChainGraph())), last(19));
  // diamond: d reads t1 and t2
  assert.deepEqual(lastStepBound(indexGraph(diamondGraph())), last(2));
});

Deno.test("last step: outputs nobody reads make the step-(n-1) bound the larger one", () => {
  // two producers of outputs 6 and 4 and a sink reading neither: 6 + 4 + 0 at the last step,
  // while step 0 sees only the lighter source's 4
  const g = indexGraph({
    format: "memplan.graph/v1",
    name: "outputs",
    tensors: [{ id: "o1", size: 6, kind: "output" }, { id: "o2", size: 4, kind: "output" }],
    ops: [
      { id: "p", in: [], out: ["o1"] },
      { id: "q", in: [], out: ["o2"] },
      { id: "z", in: [], out: [], after: ["p", "q"] },
    ],
  });
  assert.deepEqual(firstStepBound(g), first(4));
  assert.deepEqual(lastStepBound(g), last(10));
  assert.deepEqual(endStepsBound(g), last(10));
});

Deno.test("end steps: a graph without ops has no steps and bound 0", () => {
  const g = indexGraph({
    format: "memplan.graph/v1",
    name: "empty",
    tensors: [{ id: "w", size: 9, kind: "weight" }],
    ops: [],
  });
  assert.deepEqual(endStepsBound(g), first(0));
});
