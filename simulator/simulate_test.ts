import assert from "node:assert/strict";
import { indexGraph } from "../graph/indexed_graph.ts";
import { branchyGraph, tinyGraph } from "../graph/_fixtures_test_util.ts";
import type { Graph, Plan } from "../graph/types.ts";
import { resolvePlan } from "../graph/plan.ts";
import { naiveVerify } from "./naive_verify.ts";
import { simulate } from "./simulate.ts";

// tiny: x [0,0] 4, w [0,3] 2, a [0,2] 8, b [1,2] 8, c [2,3] 4, loss [3,3] 1.
const VALID: Plan = {
  format: "memplan.plan/v1",
  offsets: { x: 0, w: 4, a: 6, b: 14, c: 0, loss: 22 },
};

function run(graph: Graph, plan: Plan) {
  const g = indexGraph(graph);
  const rp = resolvePlan(g, plan);
  const report = simulate(g, { order: rp.order, offsets: rp.offsets, capacity: rp.capacity });
  return { report, naive: naiveVerify(graph, plan) };
}

Deno.test("simulate: a valid static plan; peak 22, arena 23, agrees with the naive verifier", () => {
  const { report, naive } = run(tinyGraph(), VALID);
  assert.equal(report.ok, true);
  assert.equal(report.peakLive, 22);
  assert.equal(report.peakStep, 2);
  assert.equal(report.peakOp, "f3");
  assert.equal(report.arena, 23); // loss at [22, 23)
  assert.equal(report.fragmentation, 1 / 23);
  assert.equal(report.programOrderPeak, 22);
  assert.deepEqual(Array.from(report.timeline.live), [14, 18, 22, 7]);
  // tops of resident tensors: s0 a ends 14; s1,s2 b ends 22; s3 loss ends 23
  assert.deepEqual(Array.from(report.timeline.reserved), [14, 22, 22, 23]);
  assert.equal(naive.valid, true);
  assert.equal(naive.peakLive, report.peakLive);
  assert.equal(naive.arena, report.arena);
});

Deno.test("simulate: overlap by a single byte is an overlap violation with both ranges", () => {
  const plan = { ...VALID, offsets: { ...VALID.offsets, b: 13 } };
  const { report, naive } = run(tinyGraph(), plan);
  assert.equal(report.ok, false);
  assert.equal(report.violationCount, 1);
  assert.deepEqual(report.violations[0], {
    kind: "overlap",
    step: 1,
    tensors: ["a", "b"],
    ranges: [[6, 14], [13, 21]],
  });
  assert.equal(naive.overlapPairs, 1);
});

Deno.test("simulate: touching ranges and disjoint lifetimes do not overlap", () => {
  // x [0,0] and c [2,3] share bytes [0,4) but never live together.
  const { report } = run(tinyGraph(), VALID);
  assert.equal(report.violationsByKind.overlap, undefined);
});

Deno.test("simulate: an op before its producer is not_topological (data edge)", () => {
  const { report, naive } = run(tinyGraph(), { ...VALID, order: ["f2", "f1", "f3", "f4"] });
  assert.equal(report.ok, false);
  const v = report.violations.find((x) => x.kind === "not_topological");
  assert.deepEqual(v, {
    kind: "not_topological",
    step: 0,
    op: "f2",
    mustFollow: "f1",
    mustFollowStep: 1,
    edge: "data",
    tensor: "a",
  });
  assert.equal(naive.orderViolations, report.violationsByKind.not_topological);
});

Deno.test("simulate: an op before one of its after ops is not_topological (after edge)", () => {
  const graph = branchyGraph();
  const plan: Plan = { format: "memplan.plan/v1", order: ["p1", "upd", "p2", "q1", "q2", "j"] };
  const g = indexGraph(graph);
  const report = simulate(g, { order: resolvePlan(g, plan).order, allocator: "best-fit" });
  assert.equal(report.ok, false);
  assert.deepEqual(report.violations, [{
    kind: "not_topological",
    step: 1,
    op: "upd",
    mustFollow: "q1",
    mustFollowStep: 3,
    edge: "after",
  }]);
  assert.equal(naiveVerify(graph, plan).orderViolations, 1);
});

Deno.test("simulate: over capacity", () => {
  const { report, naive } = run(tinyGraph(), { ...VALID, capacity: 22 });
  assert.deepEqual(report.violations, [{
    kind: "out_of_capacity",
    step: 3,
    tensor: "loss",
    range: [22, 23],
    capacity: 22,
  }]);
  assert.equal(naive.outOfCapacity, 1);
});

Deno.test("simulate: missing and misaligned offsets through the library (no resolvePlan)", () => {
  const g = indexGraph({ ...tinyGraph(), alignment: 2 });
  const offsets = Float64Array.from([0, 4, 6, NaN, 0, 23]);
  const r = simulate(g, { offsets });
  assert.equal(r.violationsByKind.missing_offset, 1);
  assert.equal(r.violationsByKind.misaligned, 1);
});

Deno.test("simulate: an order that is not a permutation is reported, not replayed", () => {
  const g = indexGraph(tinyGraph());
  const r = simulate(g, { order: Int32Array.from([0, 0, 2]), allocator: "best-fit" });
  assert.equal(r.replayed, false);
  assert.equal(r.ok, false);
  const problems = r.violations.map((v) =>
    v.kind === "not_permutation" ? `${v.op}:${v.problem}` : v.kind
  );
  assert.deepEqual(problems, ["f1:repeated", "f2:missing", "f4:missing"]);
});

Deno.test("simulate: many overlaps are all counted, a capped number listed", () => {
  const n = 50;
  const graph: Graph = {
    format: "memplan.graph/v1",
    name: "stack",
    tensors: Array.from(
      { length: n },
      (_, i) => ({ id: `w${i}`, size: 4, kind: "weight" as const }),
    ),
    ops: [{ id: "f", in: [], out: [] }],
  };
  const offsets = Object.fromEntries(graph.tensors.map((t) => [t.id, 0]));
  const g = indexGraph(graph);
  const rp = resolvePlan(g, { format: "memplan.plan/v1", offsets });
  const r = simulate(g, { offsets: rp.offsets, violationCap: 10 });
  assert.equal(r.violationCount, (n * (n - 1)) / 2);
  assert.equal(r.violations.length, 10);
  assert.equal(
    naiveVerify(graph, { format: "memplan.plan/v1", offsets }).overlapPairs,
    (n * (n - 1)) / 2,
  );
});

Deno.test("simulate: every online allocator yields a valid placement of the tiny graph", () => {
  const g = indexGraph(tinyGraph());
  for (const allocator of ["first-fit", "best-fit", "pytorch"] as const) {
    const r = simulate(g, { allocator });
    assert.equal(r.ok, true, `${allocator}: ${JSON.stringify(r.violations)}`);
    assert.equal(r.peakLive, 22);
    assert.ok(r.arena >= r.peakLive, `${allocator} arena ${r.arena}`);
  }
  // PyTorch rounds every request to 512 and the small pool grows by 2 MiB segments.
  const pt = simulate(g, { allocator: "pytorch" });
  assert.equal(pt.arena, 2 * 1024 * 1024);
  assert.equal(pt.peakAllocated, 4 * 512); // w, a, b, c at step 2
});
