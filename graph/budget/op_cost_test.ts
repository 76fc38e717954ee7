import assert from "node:assert/strict";
import { inputErrorOf } from "./_assert_test_util.ts";
import { trainingChain } from "./training_chain.ts";
import { opCosts } from "./op_cost.ts";

Deno.test("costs come from the graph, else from the bytes an op touches", () => {
  const g = trainingChain(1, 8);
  const est = opCosts(g);
  assert.deepEqual(est.source, "estimated");
  assert.deepEqual(est.cost[g.opIndex.get("f1")!], 8 + 1 + 8);
  const given = opCosts(trainingChain(1, 8, [5, 6, 7, 8]));
  assert.deepEqual([given.source, ...given.cost], ["graph", 5, 6, 7, 8]);
});

Deno.test("a bad cost names the op (the graph's validation refuses it)", () => {
  const e = inputErrorOf(() => trainingChain(1, 8, [5, -1, 7, 8]));
  assert.deepEqual(e.problems[0].where, "ops[1].cost");
});
