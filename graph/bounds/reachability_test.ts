import assert from "node:assert/strict";
import fc from "npm:fast-check@4.10.2";
import { indexGraph } from "../indexed_graph.ts";
import { smallDag } from "../../property_tests/arb_dag_graph.ts";
import { precedence } from "./precedence.ts";
import { reachabilityWindows, wholeReachability } from "./reachability.ts";

/** Reflexive reachability by depth-first search, the slow obvious way. */
function reach(v: number, start: Int32Array, list: Int32Array, V: number): Uint8Array {
  const seen = new Uint8Array(V);
  const stack = [v];
  seen[v] = 1;
  while (stack.length) {
    const u = stack.pop()!;
    for (let k = start[u]; k < start[u + 1]; k++) {
      if (!seen[list[k]]) {
        seen[list[k]] = 1;
        stack.push(list[k]);
      }
    }
  }
  return seen;
}

const bit = (rows: Uint32Array, row: number, words: number, col: number) =>
  (rows[row * words + (col >> 5)] >>> (col & 31)) & 1;

Deno.test("reachability: every window matches depth-first search, one or many windows", () => {
  // 12 ops per window is forced by a tiny budget: 8 bytes per op per word.
  fc.assert(
    fc.property(smallDag(70), fc.constantFrom(8 * 70, 1 << 20), (graph, maxBytes) => {
      const g = indexGraph(graph);
      const p = precedence(g), V = g.opCount;
      const anc = Array.from({ length: V }, (_, v) => reach(v, p.predStart, p.predList, V));
      const desc = Array.from({ length: V }, (_, v) => reach(v, p.succStart, p.succList, V));
      let covered = 0;
      for (const w of reachabilityWindows(p, { maxBytes })) {
        assert.equal(w.start, covered);
        covered = w.end;
        for (let v = w.start; v < w.end; v++) {
          for (let u = 0; u < w.end; u++) {
            assert.equal(bit(w.desc, u, w.words, v - w.start), desc[u][v]);
          }
          for (let r = w.start; r < V; r++) {
            assert.equal(bit(w.anc, r - w.start, w.words, v - w.start), anc[r][v]);
          }
        }
      }
      assert.equal(covered, V);
    }),
    { numRuns: 100, seed: 11 },
  );
});

Deno.test("reachability: the whole matrix only when it fits the budget", () => {
  const g = indexGraph({
    format: "memplan.graph/v1",
    name: "chain",
    tensors: Array.from({ length: 40 }, (_, i) => ({ id: `t${i}`, size: 1 })),
    ops: Array.from(
      { length: 40 },
      (_, i) => ({ id: `o${i}`, in: i ? [`t${i - 1}`] : [], out: [`t${i}`] }),
    ),
  });
  const p = precedence(g);
  const all = wholeReachability(p)!;
  // 40 ops need 2 words per row; in a chain op 3 descends to 3..39 and descends from 0..3
  assert.equal(all.words, 2);
  assert.equal(bit(all.desc, 3, 2, 39), 1);
  assert.equal(bit(all.desc, 3, 2, 2), 0);
  assert.equal(bit(all.anc, 3, 2, 0), 1);
  assert.equal(wholeReachability(p, { maxBytes: 8 * 40 }), undefined);
});

Deno.test("reachability: past its deadline no further window is begun, and it says so; the whole matrix ignores it", () => {
  const g = indexGraph({
    format: "memplan.graph/v1",
    name: "chain",
    tensors: Array.from({ length: 100 }, (_, i) => ({ id: `t${i}`, size: 1 })),
    ops: Array.from(
      { length: 100 },
      (_, i) => ({ id: `o${i}`, in: i ? [`t${i - 1}`] : [], out: [`t${i}`] }),
    ),
  });
  const p = precedence(g);
  // Windows of 32 ops: four of them without a deadline, the first only past it.
  const progress = { complete: true };
  assert.equal([...reachabilityWindows(p, { maxBytes: 8 * 100 })].length, 4);
  const stopped = [...reachabilityWindows(p, { maxBytes: 8 * 100, deadline: 0, progress })];
  assert.deepEqual(stopped.map((w) => [w.start, w.end]), [[0, 32]]);
  assert.equal(progress.complete, false);
  const open = { complete: true };
  assert.equal([...reachabilityWindows(p, { deadline: Infinity, progress: open })].length, 1);
  assert.equal(open.complete, true);
  assert.equal(wholeReachability(p, { deadline: 0 })!.words, 4);
});
