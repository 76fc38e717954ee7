import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { indexGraph, KIND } from "../indexed_graph.ts";
import { branchyGraph, tinyGraph } from "../_fixtures_test_util.ts";
import { bruteForceSchedule } from "../../testkit/brute_force_schedule.ts";
import { kindsChainGraph } from "./_hand_graphs_test_util.ts";
import { smallDag } from "../../property_tests/arb_dag_graph.ts";
import { cutBound, cutPerOp } from "./cut.ts";
import { trivialPerOp } from "./trivial.ts";
import type { IndexedGraph } from "../indexed_graph.ts";

function unreadInputBytes(g: IndexedGraph): number {
  let bytes = 0;
  for (let t = 0; t < g.tensorCount; t++) {
    if (g.kind[t] === KIND.input && g.readerStart[t + 1] === g.readerStart[t]) bytes += g.size[t];
  }
  return bytes;
}

Deno.test("cut: a chain leaves nothing to choose: tiny equals its program-order timeline", () => {
  assert.deepEqual(Array.from(cutPerOp(indexGraph(tinyGraph()))), [14, 18, 22, 7]);
});

Deno.test("cut: branchy, op by op", () => {
  const g = indexGraph(branchyGraph());
  // w 3 + p1: x (read by p1) 1 + big 10; p2: big 10 + s1 1; q1, q2 alike;
  // j: s1 + s2 + y (output from j on); upd: nothing but w (x's readers may all be done)
  assert.deepEqual(Array.from(cutPerOp(g)), [14, 14, 14, 14, 6, 3]);
  assert.deepEqual(cutBound(g), { bytes: 14, op: 0 });
});

Deno.test("cut: every kind rule; step 0 (with the unread input) is the floor", () => {
  const g = indexGraph(kindsChainGraph());
  // w + m = 5; A: x 5 + a 10 + ws 4 (unread, at A's step); B: a 10 + o 6 + g 8;
  // C: o 6 (an output stays to the end) + g 8
  assert.deepEqual(Array.from(cutPerOp(g)), [24, 29, 19]);
  assert.deepEqual(cutBound(g), { bytes: 31, op: -1, step: "first" });
});

Deno.test("cut: a tensor skipping over an op counts there, unlike in the trivial bound", () => {
  const g = indexGraph({
    format: "memplan.graph/v1",
    name: "skip",
    tensors: [{ id: "long", size: 5 }, { id: "short", size: 1 }, { id: "mid", size: 2 }],
    ops: [
      { id: "s", in: [], out: ["long", "short"] },
      { id: "m", in: ["short"], out: ["mid"] },
      { id: "e", in: ["long", "mid"], out: [] },
    ],
  });
  // at m: short 1 + mid 2, and long 5, made before m and read after it
  assert.deepEqual(Array.from(trivialPerOp(g)), [6, 3, 7]);
  assert.deepEqual(Array.from(cutPerOp(g)), [6, 8, 7]);
});

Deno.test("cut: exactly the bytes resident at the op's step in every schedule", () => {
  fc.assert(
    fc.property(smallDag(), (graph) => {
      const g = indexGraph(graph);
      const { alwaysAt } = bruteForceSchedule(g.graph);
      const cut = cutPerOp(g), trivial = trivialPerOp(g), slack = unreadInputBytes(g);
      for (let v = 0; v < g.opCount; v++) {
        assert.ok(trivial[v] <= cut[v], `op ${v}: trivial ${trivial[v]} > cut ${cut[v]}`);
        assert.ok(cut[v] <= alwaysAt[v], `op ${v}: cut ${cut[v]} > always ${alwaysAt[v]}`);
        // unread inputs are resident at step 0 only, so always at the op that must run first
        assert.ok(cut[v] >= alwaysAt[v] - slack, `op ${v}: cut ${cut[v]} misses bytes`);
      }
    }),
    { numRuns: 200, seed: 21 },
  );
});

Deno.test("cut: windows of 32 ops give the same sums as one window", () => {
  fc.assert(
    fc.property(smallDag(100), (graph) => {
      const g = indexGraph(graph);
      assert.deepEqual(cutPerOp(g, { maxBytes: 8 * g.opCount }), cutPerOp(g));
    }),
    { numRuns: 100, seed: 22 },
  );
});

Deno.test("cut: stopped at a deadline between windows, each op keeps a lower bound, and says so", () => {
  let stopped = 0;
  fc.assert(
    fc.property(smallDag(100), (graph) => {
      const g = indexGraph(graph);
      const full = cutPerOp(g);
      // A deadline already past: only the first window of 32 ops is swept.
      const progress = { complete: true };
      const cut = cutPerOp(g, { maxBytes: 8 * g.opCount, deadline: 0, progress });
      assert.equal(progress.complete, g.opCount <= 32);
      if (!progress.complete) stopped++;
      for (let v = 0; v < g.opCount; v++) {
        assert.ok(cut[v] <= full[v], `op ${v}: ${cut[v]} > ${full[v]}`);
        if (v < 32) assert.equal(cut[v], full[v], `op ${v} in the first window`);
      }
    }),
    { numRuns: 100, seed: 23 },
  );
  assert.ok(stopped > 20, `${stopped} graphs stopped`);
});
