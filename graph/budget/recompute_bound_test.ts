import assert from "node:assert/strict";
import { indexGraph } from "../indexed_graph.ts";
import type { Graph } from "../types.ts";
import { cutPerOp } from "../bounds/cut.ts";
import { recomputeBound, remakeableTensors } from "./recompute_bound.ts";
import { trainingChain } from "./training_chain.ts";

// MobileNet's pattern: `c` saves a copy of `a` for the backward pass before an
// in-place op overwrites `a`; `c` may be recomputed only before that op.
function savedCopy(): Graph {
  const t = (id: string, size: number, kind?: "input" | "output") => ({ id, size, kind });
  return {
    format: "memplan.graph/v1",
    name: "saved-copy",
    tensors: [
      t("x", 1, "input"),
      t("a", 10),
      t("c", 100),
      t("y", 1),
      t("l", 1, "output"),
      t("d", 1),
      t("da", 1),
      t("dx", 1),
    ],
    ops: [
      { id: "f1", type: "linear", in: ["x"], out: ["a"] },
      { id: "c", type: "aten.clone", in: ["a"], out: ["c"] },
      { id: "relu_", type: "aten.relu_", in: ["a"], out: [], after: ["c"] },
      { id: "f2", type: "linear", in: ["a"], out: ["y"], after: ["relu_"] },
      { id: "loss", in: ["y"], out: ["l", "d"] },
      { id: "b2", in: ["d", "a"], out: ["da"] },
      { id: "b1", in: ["da", "c"], out: ["dx"] },
    ],
  } as Graph;
}

Deno.test("recomputeBound: a copy read after an in-place op that must follow its producer stays", () => {
  const g = indexGraph(savedCopy());
  const remade = remakeableTensors(g);
  // a is updated in place: f1 may not re-run; c's producer may (before relu_ only)
  assert.deepEqual(
    ["a", "c"].map((id) => remade[g.tensorIndex.get(id)!]),
    [0, 1],
  );
  // at b2: d, a, da, l and c (kept from relu_ to b1)
  const r = recomputeBound(g);
  assert.equal(r.bytes, 113);
  // without the after edge c could be freed after the clone and made again
  // before b1: the most is then at the clone itself (a and c)
  const free = cutPerOp(g, { remade });
  assert.equal(Math.max(...free), 110);
});

Deno.test("recomputeBound: a random draw's output is kept from its run to its last reader", () => {
  const g = indexGraph({
    format: "memplan.graph/v1",
    name: "dropout",
    tensors: [
      { id: "x", size: 1, kind: "input" },
      { id: "m", size: 50 },
      { id: "y", size: 1 },
      { id: "l", size: 1, kind: "output" },
      { id: "d", size: 1 },
      { id: "dx", size: 1 },
    ],
    ops: [
      { id: "drop", type: "aten.dropout", in: ["x"], out: ["m"] },
      { id: "f", in: ["m"], out: ["y"] },
      { id: "loss", in: ["y"], out: ["l", "d"] },
      { id: "b", in: ["d", "m"], out: ["dx"] },
    ],
  } as Graph);
  const atLoss = (h: typeof g) =>
    cutPerOp(h, { remade: remakeableTensors(h) })[h.opIndex.get("loss")!];
  // at loss: y, l, d, and m (made once, read by b)
  assert.equal(atLoss(g), 53);
  assert.equal(recomputeBound(g).bytes, 53);
  // an activation any re-run can make again counts only where it is an operand
  const linear = indexGraph({
    ...g.graph,
    ops: g.graph.ops.map((o) => (o.id === "drop" ? { ...o, type: "linear" } : o)),
  });
  assert.equal(atLoss(linear), 3);
});

Deno.test("recomputeBound: never below the footprint of any op", () => {
  const g = trainingChain(6, [3, 9, 1, 4]);
  const free = cutPerOp(g, { remade: new Uint8Array(g.tensorCount).fill(1) });
  assert.ok(recomputeBound(g).bytes >= Math.max(...free));
});
