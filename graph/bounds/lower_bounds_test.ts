import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { indexGraph } from "../indexed_graph.ts";
import { loadGraph } from "../load.ts";
import { programOrderPeak } from "../metrics.ts";
import { branchyGraph, tinyGraph } from "../_fixtures_test_util.ts";
import { bruteForceSchedule } from "../../testkit/brute_force_schedule.ts";
import { diamondGraph, kindsChainGraph } from "./_hand_graphs_test_util.ts";
import { smallDag } from "../../property_tests/arb_dag_graph.ts";
import { syntheticTrainingGraph } from "../../testkit/training_graph.ts";
import { lowerBounds } from "./lower_bounds.ts";

Deno.test("lower bounds: tiny is a chain, and the trivial bound already proves program order optimal", () => {
  const lb = lowerBounds(indexGraph(tinyGraph()));
  assert.deepEqual([lb.trivial, lb.cut, lb.mincut, lb.split], [22, 22, 22, undefined]);
  assert.deepEqual([lb.best, lb.bestKind], [22, "trivial"]);
  assert.deepEqual([lb.details.trivial?.op, lb.details.trivial?.opId], [2, "f3"]);
});

Deno.test("lower bounds: branchy needs the min-cut bound (15 at p2) to meet program order", () => {
  const lb = lowerBounds(indexGraph(branchyGraph()));
  assert.deepEqual([lb.trivial, lb.cut, lb.mincut], [14, 14, 15]);
  assert.deepEqual([lb.best, lb.bestKind, lb.details.mincut?.opId], [15, "mincut", "p2"]);
  assert.equal(lb.details.mincut?.complete, true);
});

Deno.test("lower bounds: a step-0 bound names no op", () => {
  const lb = lowerBounds(indexGraph(kindsChainGraph()));
  assert.deepEqual([lb.best, lb.bestKind], [31, "trivial"]);
  assert.equal(lb.details.trivial?.op, -1);
  assert.equal(lb.details.trivial?.opId, undefined);
});

Deno.test("lower bounds: kinds pick the bounds and bring their prerequisites", () => {
  const g = indexGraph(diamondGraph());
  const lb = lowerBounds(g, { kinds: ["split"] });
  assert.deepEqual([lb.trivial, lb.cut, lb.mincut, lb.split], [undefined, 2, 2, 3]);
  assert.deepEqual([lb.best, lb.bestKind], [3, "split"]);
  const only = lowerBounds(g, { kinds: ["trivial"] });
  assert.deepEqual([only.trivial, only.cut, only.best], [2, undefined, 2]);
  assert.throws(() => lowerBounds(g, { kinds: [] }), RangeError);
  assert.throws(() => lowerBounds(g, { orders: [Int32Array.from([0, 3, 1, 2])] }), RangeError);
});

Deno.test("lower bounds: trivial <= cut <= mincut <= split <= the optimum over all orders", () => {
  fc.assert(
    fc.property(smallDag(), (graph) => {
      const g = indexGraph(graph);
      const { peak: optimum } = bruteForceSchedule(g.graph);
      const lb = lowerBounds(g, { kinds: ["trivial", "split"] });
      const { trivial, cut, mincut, split } = lb as Required<typeof lb>;
      assert.ok(trivial <= cut, `trivial ${trivial} > cut ${cut}`);
      assert.ok(cut <= mincut, `cut ${cut} > mincut ${mincut}`);
      assert.ok(mincut <= split, `mincut ${mincut} > split ${split}`);
      assert.ok(split <= optimum, `split ${split} > optimum ${optimum}`);
      assert.equal(lb.best, split);
      assert.ok(lb.best <= programOrderPeak(g).bytes);
    }),
    { numRuns: 200, seed: 61 },
  );
});

Deno.test("lower bounds: every bundled graph, min-cut complete and within program order", async () => {
  const dir = new URL("../../testdata/graphs/", import.meta.url);
  for await (const entry of Deno.readDir(dir)) {
    if (!/\.json(\.gz)?$/.test(entry.name)) continue;
    const g = await loadGraph(new URL(entry.name, dir).pathname);
    const lb = lowerBounds(g, { timeLimit: Infinity });
    const { trivial, cut, mincut } = lb as Required<typeof lb>;
    assert.ok(trivial <= cut && cut <= mincut, entry.name);
    assert.ok(mincut <= programOrderPeak(g).bytes, entry.name);
    assert.ok(lb.details.mincut?.complete, `${entry.name}: min-cut did not finish`);
  }
});

Deno.test("lower bounds: an 8k-op synthetic training step, whole or windowed reachability", () => {
  const g = indexGraph(syntheticTrainingGraph({ blocks: 300, adam: true }));
  const whole = lowerBounds(g);
  // 16 KiB budgets force 32-op windows and graph searches in the min-cut solver
  const windowed = lowerBounds(g, { maxBytes: 16 * 1024 });
  assert.deepEqual([windowed.trivial, windowed.cut, windowed.mincut], [
    whole.trivial,
    whole.cut,
    whole.mincut,
  ]);
  assert.ok(whole.details.mincut?.complete && windowed.details.mincut?.complete);
  assert.ok(whole.mincut! <= programOrderPeak(g).bytes);
});

Deno.test("lower bounds: out of time at once, each bound still at most the optimum, and marked incomplete", () => {
  let incomplete = 0;
  fc.assert(
    fc.property(smallDag(100), (graph) => {
      const g = indexGraph(graph);
      const kinds = ["trivial", "mincut"] as const;
      const whole = lowerBounds(g, { kinds: [...kinds] });
      // Windows of 32 ops, and no time: the cut stops after its first window.
      const lb = lowerBounds(g, { kinds: [...kinds], timeLimit: 0, maxBytes: 8 * g.opCount });
      assert.ok(lb.cut! <= whole.cut! && lb.mincut! <= whole.mincut!);
      assert.ok(lb.best >= lb.trivial! && lb.best <= whole.best);
      if (g.opCount > 32) {
        assert.equal(lb.details.cut!.complete, false);
        assert.equal(lb.details.mincut!.complete, false);
        incomplete++;
      }
    }),
    { numRuns: 100, seed: 62 },
  );
  assert.ok(incomplete > 20, `${incomplete} graphs cut short`);
});
