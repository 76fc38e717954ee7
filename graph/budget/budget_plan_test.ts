import assert from "node:assert/strict";
import { inputErrorOf } from "./_assert_test_util.ts";
import { programOrder } from "../lifetimes.ts";
import { trainingChain } from "./training_chain.ts";
import { buildBudgetPlan, parseBudgetPlan, resolveBudgetPlan } from "./budget_plan.ts";
import { EVENT, runEvents } from "./events.ts";

Deno.test("a v1 plan is read as the v2 plan running every op once", () => {
  const p = parseBudgetPlan({ format: "memplan.plan/v1", order: ["f1"], offsets: { a: 3 } }, "p");
  assert.deepEqual(p, { format: "memplan.plan/v2", order: ["f1"], offsets: { a: 3 } });
});

Deno.test("bad v2 input names the field", () => {
  const e = inputErrorOf(() =>
    parseBudgetPlan({ format: "memplan.plan/v2", order: ["f1", { drop: "a" }] }, "p.json")
  );
  assert.deepEqual(e.problems[0].where, "order[1]");
  const f = inputErrorOf(() => parseBudgetPlan({ format: "memplan.plan/v3" }, "p.json"));
  assert.deepEqual(f.problems[0].where, "format");
  const h = inputErrorOf(() =>
    parseBudgetPlan({ format: "memplan.plan/v2", offsets: { a: [-1] } }, "p.json")
  );
  assert.deepEqual(h.problems[0].where, "offsets.a[0]");
});

Deno.test("resolve counts residencies and wants one offset per residency", () => {
  const g = trainingChain(2);
  const order = [
    ...g.opIds.slice(0, 3),
    { offload: "a1" },
    "b2",
    { fetch: "a1" },
    "b1",
    "u1",
    "u2",
  ];
  const plan = parseBudgetPlan({ format: "memplan.plan/v2", order }, "p");
  const r = resolveBudgetPlan(g, plan);
  const a1 = g.tensorIndex.get("a1")!;
  assert.deepEqual(r.residencies.byTensorStart[a1 + 1] - r.residencies.byTensorStart[a1], 2);
  const bad = { ...plan, offsets: { a1: [0] } };
  const e = inputErrorOf(() => resolveBudgetPlan(g, bad, { file: "p" }));
  assert.deepEqual(e.problems[0].message, "1 offsets for 2 residencies of this tensor");
  const unknown = { ...plan, order: [...order, { fetch: "nope" }] };
  assert.match(
    inputErrorOf(() => resolveBudgetPlan(g, unknown)).message,
    new RegExp("unknown tensor"),
  );
});

Deno.test("build then resolve round-trips events and offsets", () => {
  const g = trainingChain(2);
  const ev = runEvents(programOrder(g));
  const kind = Uint8Array.from([...ev.kind.slice(0, 3), EVENT.run, ...ev.kind.slice(3)]);
  const target = Int32Array.from([
    ...ev.target.slice(0, 3),
    g.opIndex.get("f1")!,
    ...ev.target.slice(3),
  ]);
  const events = { kind, target };
  const first = resolveBudgetPlan(g, buildBudgetPlan(g, { events }));
  const offsets = new Float64Array(first.residencies.count).map((_, i) => i * 16);
  const plan = buildBudgetPlan(g, { events, offsets, capacity: 1000, bandwidth: 1e9 });
  const back = resolveBudgetPlan(g, parseBudgetPlan(JSON.parse(JSON.stringify(plan)), "p"));
  assert.deepEqual(back.events, events);
  assert.deepEqual(back.offsets, offsets);
  assert.deepEqual(back.capacity, 1000);
  assert.deepEqual(Array.isArray(plan.offsets!["a1"]), true);
});
