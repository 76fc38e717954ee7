import assert from "node:assert/strict";
import { trainingChain } from "../../graph/budget/training_chain.ts";
import { EVENT } from "../../graph/budget/events.ts";
import { programOrder } from "../../graph/lifetimes.ts";
import { analyseBudget } from "./analysis.ts";
import { DROP, noDrops, rematerialize } from "./rematerialize.ts";
import { rematerializeValid } from "./resolve_conflicts.ts";
import { indexGraph } from "../../graph/indexed_graph.ts";

Deno.test("a dropped tensor is recomputed, with its dropped inputs, just before its next reader", () => {
  const g = trainingChain(3);
  const a = analyseBudget(g);
  const drops = noDrops(g.tensorCount);
  for (const id of ["a1", "a2"]) {
    const t = g.tensorIndex.get(id)!;
    drops.mode[t] = DROP.recompute;
    drops.after[t] = [id === "a1" ? 1 : 2]; // after their forward readers f2, f3
  }
  const r = rematerialize(a, programOrder(g), drops);
  const names = [...r.events.target].map((x, e) =>
    r.events.kind[e] === EVENT.run ? g.opIds[x] : "?"
  );
  // b3 reads a2: f1 then f2 re-run first; b2 reads a1, which is resident again.
  assert.deepEqual(names, [
    "f1",
    "f2",
    "f3",
    "loss",
    "f1",
    "f2",
    "b3",
    "b2",
    "b1",
    "u1",
    "u2",
    "u3",
  ]);
  assert.deepEqual(r.conflicts, []);
});

Deno.test("an offloaded tensor is fetched back before its next reader", () => {
  const g = trainingChain(2);
  const a = analyseBudget(g);
  const drops = noDrops(g.tensorCount);
  const t = g.tensorIndex.get("a1")!;
  drops.mode[t] = DROP.offload;
  drops.after[t] = [1];
  const { events } = rematerialize(a, programOrder(g), drops);
  assert.deepEqual([...events.kind], [0, 0, EVENT.offload, 0, EVENT.fetch, 0, 0, 0, 0]);
});

Deno.test("a recompute after an op that must follow it is reported as a conflict", () => {
  // m updates w in place after f read it; k reads a late, so a recompute of f would read the new w.
  const g = indexGraph({
    format: "memplan.graph/v1",
    name: "conflict",
    tensors: [
      { id: "x", size: 4, kind: "input" },
      { id: "w", size: 4, kind: "weight" },
      { id: "a", size: 4 },
      { id: "c", size: 4, kind: "output" },
      { id: "b", size: 4, kind: "output" },
    ],
    ops: [
      { id: "f", in: ["x", "w"], out: ["a"] },
      { id: "h", in: ["a"], out: ["c"] },
      { id: "m", in: ["w"], out: [], after: ["f"] },
      { id: "k", in: ["a"], out: ["b"] },
    ],
  });
  const a = analyseBudget(g);
  const drops = noDrops(g.tensorCount);
  drops.mode[2] = DROP.recompute;
  drops.after[2] = [1];
  assert.deepEqual(rematerialize(a, programOrder(g), drops).conflicts, [2]);
  assert.deepEqual(rematerializeValid(a, programOrder(g), drops).conflicts, []);
  assert.equal(drops.mode[2], DROP.keep);
});
