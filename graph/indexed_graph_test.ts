import assert from "node:assert/strict";
import { indexGraph, KIND } from "./indexed_graph.ts";
import { InputError } from "./input_error.ts";
import { branchyGraph, tinyGraph } from "./_fixtures_test_util.ts";
import type { Graph } from "./types.ts";

function problemsOf(value: unknown): string[] {
  try {
    indexGraph(value, { file: "g.json" });
  } catch (e) {
    assert.ok(e instanceof InputError, `expected InputError, got ${e}`);
    return e.problems.map((p) => `${p.where}|${p.id ?? ""}|${p.message}`);
  }
  assert.fail("expected the graph to be rejected");
}

Deno.test("indexGraph: dense ids, producers, readers, CSR lists", () => {
  const g = indexGraph(tinyGraph());
  assert.equal(g.tensorCount, 6);
  assert.equal(g.opCount, 4);
  assert.deepEqual(Array.from(g.producer), [-1, -1, 0, 1, 2, 3]);
  assert.equal(g.kind[0], KIND.input);
  assert.equal(g.kind[2], KIND.activation);
  // readers of a (index 2): f2 (1) and f3 (2)
  assert.deepEqual(Array.from(g.readerList.subarray(g.readerStart[2], g.readerStart[3])), [1, 2]);
  assert.deepEqual(Array.from(g.inList.subarray(g.inStart[2], g.inStart[3])), [2, 3]);
  assert.ok(Object.isFrozen(g));
});

Deno.test("indexGraph: after edges are indexed", () => {
  const g = indexGraph(branchyGraph());
  const upd = g.opIndex.get("upd")!;
  assert.deepEqual(Array.from(g.afterList.subarray(g.afterStart[upd], g.afterStart[upd + 1])), [
    0,
    2,
  ]);
});

Deno.test("indexGraph: wrong shape names the JSON path", () => {
  const bad = {
    ...tinyGraph(),
    tensors: [{ id: "x", size: -1 }, { id: "y", size: 1.5 }, { id: "z", size: 2 ** 60 }],
  };
  const ps = problemsOf(bad);
  assert.ok(ps.some((p) => p.startsWith("tensors[0].size|x|")), ps.join("\n"));
  assert.ok(ps.some((p) => p.startsWith("tensors[1].size|y|")), ps.join("\n"));
  assert.ok(ps.some((p) => p.startsWith("tensors[2].size|z|")), ps.join("\n"));
  assert.ok(
    problemsOf({ ...tinyGraph(), format: "memplan.graph/v2" }).some((p) => p.startsWith("format|")),
  );
});

Deno.test("indexGraph: every semantic problem is reported, each with its id", () => {
  const g: Graph = {
    format: "memplan.graph/v1",
    name: "bad",
    tensors: [
      { id: "w", size: 1, kind: "weight" },
      { id: "a", size: 1 },
      { id: "a", size: 1 },
      { id: "orphan", size: 1 },
      { id: "b", size: 1 },
    ],
    ops: [
      { id: "f", in: ["nope"], out: ["a", "w"] },
      { id: "g", in: ["a"], out: ["b"], after: ["zz", "g"] },
      { id: "h", in: [], out: ["b"] },
    ],
  };
  const ps = problemsOf(g);
  const has = (s: string) =>
    assert.ok(ps.some((p) => p.includes(s)), `missing "${s}" in\n${ps.join("\n")}`);
  has("tensors[2].id|a|duplicate tensor id");
  has("ops[0].in[0]|nope|unknown tensor");
  has("ops[0].out[1]|w|a tensor of kind weight has no producer");
  has("tensors[3]|orphan|a tensor of kind activation needs a producer");
  has("ops[1].after[0]|zz|unknown op");
  has("ops[1].after[1]|g|an op cannot run after itself");
  has("ops[2].out[0]|b|tensor has two producers");
});

Deno.test("indexGraph: a non-topological program order and a cycle are told apart", () => {
  const late: Graph = {
    format: "memplan.graph/v1",
    name: "late",
    tensors: [{ id: "a", size: 1 }, { id: "b", size: 1 }],
    ops: [{ id: "g", in: ["a"], out: ["b"] }, { id: "f", in: [], out: ["a"] }],
  };
  const ps = problemsOf(late);
  assert.ok(ps.some((p) => p.includes("program order is not topological")));
  assert.ok(!ps.some((p) => p.includes("cycle")));
  const cyc: Graph = {
    format: "memplan.graph/v1",
    name: "cyc",
    tensors: [{ id: "a", size: 1 }, { id: "b", size: 1 }],
    ops: [{ id: "f", in: ["b"], out: ["a"] }, { id: "g", in: ["a"], out: ["b"] }],
  };
  const cs = problemsOf(cyc);
  assert.ok(
    cs.some((p) =>
      p.includes('cycle, so no order can run it: "f" -> "g" -> "f"') ||
      p.includes('"g" -> "f" -> "g"')
    ),
    cs.join("\n"),
  );
  const afterLater: Graph = { ...tinyGraph() };
  afterLater.ops = afterLater.ops.map((o) => (o.id === "f2" ? { ...o, after: ["f4"] } : o));
  assert.ok(
    problemsOf(afterLater).some((p) => p.startsWith('ops[1].after|f2|must run after op "f4"')),
  );
});
