import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { indexGraph } from "../indexed_graph.ts";
import { tinyGraph } from "../_fixtures_test_util.ts";
import { bruteForceSchedule } from "../../testkit/brute_force_schedule.ts";
import { diamondGraph } from "./_hand_graphs_test_util.ts";
import { smallDag } from "../../property_tests/arb_dag_graph.ts";
import { mincutBound } from "./mincut.ts";
import { orderSplitBound } from "./order_split.ts";

Deno.test("order split: the diamond reaches its optimum 3 with one split", () => {
  // min-cut says 2 (b or c first each see t0 + own output); b before c forces t0 + t1 + t2
  // at c's step, and c before b the same at b's: min(3, 3) = 3 from 1 + 2 evaluations
  const s = orderSplitBound(indexGraph(diamondGraph()));
  assert.deepEqual(s, { bytes: 3, op: -1, complete: true, evaluations: 3 });
});

Deno.test("order split: a total order needs no split", () => {
  const s = orderSplitBound(indexGraph(tinyGraph()));
  assert.deepEqual(s, { bytes: 22, op: 2, complete: true, evaluations: 1 });
});

Deno.test("order split: between the min-cut bound and the optimum", () => {
  fc.assert(
    fc.property(smallDag(), (graph) => {
      const g = indexGraph(graph);
      const { peak: optimum } = bruteForceSchedule(g.graph);
      const split = orderSplitBound(g, { timeLimit: Infinity }).bytes;
      const mincut = mincutBound(g).bytes;
      assert.ok(mincut <= split, `mincut ${mincut} > split ${split}`);
      assert.ok(split <= optimum, `split ${split} > optimum ${optimum}`);
    }),
    { numRuns: 100, seed: 51 },
  );
});
