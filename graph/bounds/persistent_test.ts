import assert from "node:assert/strict";
import { indexGraph } from "../indexed_graph.ts";
import { tinyGraph } from "../_fixtures_test_util.ts";
import { kindsChainGraph } from "./_hand_graphs_test_util.ts";
import { persistentBytes } from "./persistent.ts";

Deno.test("persistent: weights and optimizer state only", () => {
  assert.equal(persistentBytes(indexGraph(tinyGraph())), 2); // w
  assert.equal(persistentBytes(indexGraph(kindsChainGraph())), 5); // w 2 + m 3
});
