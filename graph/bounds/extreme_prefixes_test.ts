import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { indexGraph, KIND } from "../indexed_graph.ts";
import { lifetimes } from "../lifetimes.ts";
import { liveTimeline } from "../metrics.ts";
import { branchyGraph } from "../_fixtures_test_util.ts";
import { smallDag } from "../../property_tests/arb_dag_graph.ts";
import { extremePrefixesPerOp } from "./extreme_prefixes.ts";
import { precedence } from "./precedence.ts";
import type { IndexedGraph } from "../indexed_graph.ts";

Deno.test("extreme prefixes: branchy, op by op", () => {
  const { early, late } = extremePrefixesPerOp(indexGraph(branchyGraph()));
  // early: p1 alone: w 3 + x 1 (q1 still to read it) + big 10 = 14; p2 after p1: + s1 = 15;
  // q1, q2 alike; j after p1..q2: w + s1 + s2 + y = 6; upd after p1, q1: w + big + big2 = 23
  assert.deepEqual(Array.from(early), [14, 15, 14, 15, 6, 23]);
  // late: p1 after q1, q2: w + x (p1 reads it) + big + s2 = 15; p2 after all but j: w + big + s1 + s2 = 15;
  // q1, q2 alike; j, upd last: 6 and w + y = 4
  assert.deepEqual(Array.from(late), [15, 15, 15, 15, 6, 4]);
});

/** The schedule: `first` ops (other than v) in index order, then v, then the rest. */
function liveWithPrefix(g: IndexedGraph, v: number, first: (u: number) => boolean): number {
  const a: number[] = [], b: number[] = [];
  for (let u = 0; u < g.opCount; u++) if (u !== v) (first(u) ? a : b).push(u);
  const order = Int32Array.from([...a, v, ...b]);
  return liveTimeline(g, lifetimes(g, order), g.opCount)[a.length];
}

function closure(v: number, start: Int32Array, list: Int32Array, V: number): Uint8Array {
  const seen = new Uint8Array(V);
  const stack = [v];
  seen[v] = 1;
  while (stack.length) {
    const u = stack.pop()!;
    for (let k = start[u]; k < start[u + 1]; k++) {
      if (!seen[list[k]]) stack.push(list[k]), seen[list[k]] = 1;
    }
  }
  return seen;
}

Deno.test("extreme prefixes: the live bytes of the two schedules, up to unread inputs at step 0", () => {
  fc.assert(
    fc.property(smallDag(70), (graph) => {
      const g = indexGraph(graph), p = precedence(g), V = g.opCount;
      let slack = 0;
      for (let t = 0; t < g.tensorCount; t++) {
        if (g.kind[t] === KIND.input && g.readerStart[t + 1] === g.readerStart[t]) {
          slack += g.size[t];
        }
      }
      const { early, late } = extremePrefixesPerOp(g);
      const narrow = extremePrefixesPerOp(g, { maxBytes: 1 }); // windows of 32 ops
      for (let v = 0; v < V; v++) {
        const anc = closure(v, p.predStart, p.predList, V);
        const desc = closure(v, p.succStart, p.succList, V);
        const e = liveWithPrefix(g, v, (u) => anc[u] === 1);
        const l = liveWithPrefix(g, v, (u) => desc[u] === 0);
        assert.ok(
          early[v] <= e && early[v] >= e - slack,
          `op ${v}: early ${early[v]}, schedule ${e}`,
        );
        assert.ok(late[v] <= l && late[v] >= l - slack, `op ${v}: late ${late[v]}, schedule ${l}`);
        assert.equal(narrow.early[v], early[v]);
        assert.equal(narrow.late[v], late[v]);
      }
    }),
    { numRuns: 200, seed: 31 },
  );
});

Deno.test("extreme prefixes: stopped at a deadline, each op keeps its values or none (Infinity), and says so", () => {
  let stopped = 0;
  fc.assert(
    fc.property(smallDag(100), (graph) => {
      const g = indexGraph(graph);
      const full = extremePrefixesPerOp(g);
      const progress = { complete: true };
      const part = extremePrefixesPerOp(g, { maxBytes: 8 * g.opCount, deadline: 0, progress });
      assert.equal(progress.complete, g.opCount <= 32);
      if (!progress.complete) stopped++;
      for (let v = 0; v < g.opCount; v++) {
        // Upper bounds on the least live bytes: a value not reached must not be kept.
        assert.equal(part.early[v], v < 32 ? full.early[v] : Infinity, `early at op ${v}`);
        assert.equal(part.late[v], v < 32 ? full.late[v] : Infinity, `late at op ${v}`);
      }
    }),
    { numRuns: 100, seed: 44 },
  );
  assert.ok(stopped > 20, `${stopped} graphs stopped`);
});
