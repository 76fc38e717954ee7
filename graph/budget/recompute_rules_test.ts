import assert from "node:assert/strict";
import { indexGraph } from "../indexed_graph.ts";
import { trainingChain } from "./training_chain.ts";
import { afterSuccessors, mutatedTensors, recomputableOps } from "./recompute_rules.ts";

Deno.test("forward ops re-run; gradient producers, updates and the loss do not", () => {
  const g = trainingChain(2);
  const ok = recomputableOps(g);
  const yes = g.opIds.filter((_, v) => ok[v]);
  assert.deepEqual(yes, ["f1", "f2"]);
});

Deno.test("a tensor updated in place, or drawn at random, is never recomputed", () => {
  const g = indexGraph({
    format: "memplan.graph/v1",
    name: "inplace",
    tensors: [
      { id: "x", size: 4, kind: "input" },
      { id: "a", size: 4 },
      { id: "m", size: 4 },
      { id: "b", size: 4, kind: "output" },
    ],
    ops: [
      { id: "f", in: ["x"], out: ["a"] },
      { id: "relu_", in: ["a"], out: [] },
      { id: "drop", type: "aten.bernoulli", in: ["x"], out: ["m"] },
      { id: "g", in: ["a", "m"], out: ["b"], after: ["relu_"] },
    ],
  });
  assert.deepEqual([...mutatedTensors(g)], [0, 1, 0, 0]);
  assert.deepEqual([...recomputableOps(g)], [0, 0, 0, 0]);
  const { start, list } = afterSuccessors(g);
  assert.deepEqual([...list.slice(start[1], start[2])], [3]);
});
