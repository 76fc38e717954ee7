import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { indexGraph, KIND } from "../indexed_graph.ts";
import { branchyGraph, tinyGraph } from "../_fixtures_test_util.ts";
import { bruteForceSchedule } from "../../testkit/brute_force_schedule.ts";
import { diamondGraph, kindsChainGraph } from "./_hand_graphs_test_util.ts";
import { smallDag } from "../../property_tests/arb_dag_graph.ts";
import { cutPerOp } from "./cut.ts";
import { mincutBound, mincutPerOp, MincutSolver } from "./mincut.ts";
import { precedence } from "./precedence.ts";
import { wholeReachability } from "./reachability.ts";
import { endStepsBound } from "./end_steps.ts";
import type { IndexedGraph } from "../indexed_graph.ts";

function unreadInputBytes(g: IndexedGraph): number {
  let bytes = 0;
  for (let t = 0; t < g.tensorCount; t++) {
    if (g.kind[t] === KIND.input && g.readerStart[t + 1] === g.readerStart[t]) bytes += g.size[t];
  }
  return bytes;
}

Deno.test("mincut: branchy, op by op", () => {
  const g = indexGraph(branchyGraph());
  // p1 (cut 14): nothing is forced beyond the cut: run p1 first, x 1 + w 3 + big 10 = 14.
  // p2 (cut 14 = w + big + s1): x stays until q1 runs (source -> q1, 1); running q1
  //   first trades x for big2 (q1 -> q2, 10); running q2 too trades big2 for s2
  //   (q2 -> sink, 1): every choice costs 1 more, so 15.
  // q1, q2: the mirror images, 14 and 15. j: nothing free, 6.
  // upd (cut = w 3): big and big2 wait for p2, q2 (source edges 10 + 10); running
  //   p2, q2 leaves s1, s2 (1 + 1) until j; running j leaves y 1: least 3 + 1 = 4.
  assert.deepEqual(Array.from(mincutPerOp(g)), [14, 15, 14, 15, 6, 4]);
  const b = mincutBound(g);
  assert.deepEqual([b.bytes, b.op, b.complete], [15, 1, true]);
});

Deno.test("mincut: a chain has one schedule; the step-0 floor keeps the unread input", () => {
  assert.deepEqual(Array.from(mincutPerOp(indexGraph(tinyGraph()))), [14, 18, 22, 7]);
  const g = indexGraph(kindsChainGraph());
  assert.deepEqual(Array.from(mincutPerOp(g)), [24, 29, 19]);
  const b = mincutBound(g);
  assert.deepEqual([b.bytes, b.op], [31, -1]);
});

Deno.test("mincut: the diamond's per-op minima are 2, below its optimum 3", () => {
  // b with c not yet run: t0 (c still reads it) + t1 = 2; c alike; d: t1 + t2
  assert.deepEqual(Array.from(mincutPerOp(indexGraph(diamondGraph()))), [1, 2, 2, 2]);
});

Deno.test("mincut: per op, the least live bytes at its step over all schedules", () => {
  fc.assert(
    fc.property(smallDag(), (graph) => {
      const g = indexGraph(graph);
      const { leastAt } = bruteForceSchedule(g.graph);
      const cut = cutPerOp(g), mincut = mincutPerOp(g), slack = unreadInputBytes(g);
      for (let v = 0; v < g.opCount; v++) {
        assert.ok(cut[v] <= mincut[v], `op ${v}: cut ${cut[v]} > mincut ${mincut[v]}`);
        assert.ok(mincut[v] <= leastAt[v], `op ${v}: mincut ${mincut[v]} > least ${leastAt[v]}`);
        // only unread inputs at step 0 escape the formulation
        assert.ok(
          mincut[v] >= leastAt[v] - slack,
          `op ${v}: mincut ${mincut[v]} < least ${leastAt[v]}`,
        );
      }
    }),
    { numRuns: 200, seed: 41 },
  );
});

Deno.test("mincut: pruning loses nothing; marks from bitset rows equal marks from searches", () => {
  fc.assert(
    fc.property(smallDag(40), (graph) => {
      const g = indexGraph(graph);
      const all = mincutPerOp(g);
      let expected = endStepsBound(g).bytes;
      for (const m of all) expected = Math.max(expected, m);
      const b = mincutBound(g);
      assert.equal(b.bytes, expected);
      assert.ok(b.complete);
      if (b.op >= 0) assert.equal(all[b.op], b.bytes);
      const p = precedence(g);
      const solver = new MincutSolver(g, { precedence: p });
      const whole = wholeReachability(p)!;
      for (let v = 0; v < g.opCount; v++) assert.equal(solver.at(v, whole), all[v]);
    }),
    { numRuns: 100, seed: 42 },
  );
});

Deno.test("mincut: out of time, still a bound no lower than the cut bound", () => {
  const g = indexGraph(branchyGraph());
  const b = mincutBound(g, { timeLimit: 0 });
  assert.ok(b.bytes >= 14 && b.bytes <= 15);
  if (b.bytes < 15) assert.equal(b.complete, false);
});
