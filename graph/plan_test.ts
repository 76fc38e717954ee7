import assert from "node:assert/strict";
import { indexGraph } from "./indexed_graph.ts";
import { InputError } from "./input_error.ts";
import { buildPlan, parsePlan, readPlan, resolvePlan } from "./plan.ts";
import { tinyGraph } from "./_fixtures_test_util.ts";
import type { Plan } from "./types.ts";

const g = indexGraph(tinyGraph());

function problems(plan: Plan, graph = g): string[] {
  try {
    resolvePlan(graph, plan, { file: "p.json" });
  } catch (e) {
    assert.ok(e instanceof InputError);
    return e.problems.map((p) => `${p.where}|${p.id ?? ""}|${p.message}`);
  }
  assert.fail("expected the plan to be rejected");
}

Deno.test("resolvePlan: order and offsets in dense form", () => {
  const rp = resolvePlan(g, {
    format: "memplan.plan/v1",
    graph: "tiny",
    order: ["f1", "f2", "f3", "f4"],
    offsets: { x: 0, w: 4, a: 6, b: 14, c: 0, loss: 4 },
    capacity: 100,
  });
  assert.deepEqual(Array.from(rp.order!), [0, 1, 2, 3]);
  assert.deepEqual(Array.from(rp.offsets!), [0, 4, 6, 14, 0, 4]);
  assert.equal(rp.capacity, 100);
});

Deno.test("resolvePlan: unknown, repeated and missing ops", () => {
  const ps = problems({ format: "memplan.plan/v1", order: ["f1", "f1", "zz", "f4"] });
  assert.ok(ps.includes("order[1]|f1|op repeated (first at order[0])"), ps.join("\n"));
  assert.ok(ps.includes("order[2]|zz|unknown op"));
  assert.ok(ps.includes("order|f2|op missing from the order"));
  assert.ok(ps.includes("order|f3|op missing from the order"));
});

Deno.test("resolvePlan: missing, unknown and misaligned offsets", () => {
  const aligned = indexGraph({ ...tinyGraph(), alignment: 4 });
  const ps = problems({ format: "memplan.plan/v1", offsets: { x: 0, w: 6, q: 0 } }, aligned);
  assert.ok(
    ps.includes("offsets.w|w|offset 6 is not a multiple of the graph's alignment 4"),
    ps.join("\n"),
  );
  assert.ok(ps.includes("offsets.q|q|unknown tensor"));
  assert.ok(ps.includes("offsets|a|no offset for a tensor of size 8"));
});

Deno.test("resolvePlan: an offset whose buffer ends past 2^53 - 1 is named (its bytes are not exact)", () => {
  const far = Number.MAX_SAFE_INTEGER - 1; // w has 2 bytes: its last one is at 2^53 - 1
  const ps = problems({
    format: "memplan.plan/v1",
    offsets: { x: 0, w: far, a: 6, b: 14, c: 0, loss: 4 },
  });
  assert.deepEqual(ps, [`offsets.w|w|offset + size ${far} + 2 is past 2^53 - 1: not exact`]);
  const last = { x: 0, w: far - 1, a: 6, b: 14, c: 0, loss: 4 };
  assert.deepEqual(
    Array.from(resolvePlan(g, { format: "memplan.plan/v1", offsets: last }).offsets!),
    Object.values(last),
  );
});

Deno.test("resolvePlan: a plan for another graph stops at the decisive first problem", () => {
  const named = problems({
    format: "memplan.plan/v1",
    graph: "other",
    order: ["zz", "yy"],
    offsets: { q: 0 },
  });
  assert.deepEqual(named, [
    'graph||plan is for graph "other", not "tiny"; not checked further',
  ]);
  const unnamed = problems({ format: "memplan.plan/v1", order: ["zz", "yy", "xx"] });
  assert.deepEqual(unnamed, [
    'order||none of its 3 ids is an op of graph "tiny" (first: "zz"); ' +
    "is the plan for another graph?",
  ]);
  const offsets = problems({ format: "memplan.plan/v1", offsets: { q: 0, r: 4 } });
  assert.equal(offsets.length, 1);
  assert.match(offsets[0], /^offsets\|\|none of its 2 ids is a tensor of graph "tiny"/);
});

Deno.test("parsePlan: shape errors name the path", () => {
  try {
    parsePlan({ format: "memplan.plan/v1", order: "f1", offsets: { a: -1 } }, "p.json");
    assert.fail("expected rejection");
  } catch (e) {
    assert.ok(e instanceof InputError);
    const where = e.problems.map((p) => p.where);
    assert.ok(where.includes("order") && where.includes("offsets.a"), where.join(","));
  }
});

Deno.test("buildPlan: round trip through resolvePlan", () => {
  const order = Int32Array.from([0, 1, 2, 3]);
  const offsets = Float64Array.from([0, 4, 6, 14, 0, 4]);
  const plan = buildPlan(g, { order, offsets, planner: { name: "hand" } });
  const rp = resolvePlan(g, JSON.parse(JSON.stringify(plan)));
  assert.deepEqual(rp.order, order);
  assert.deepEqual(rp.offsets, offsets);
});

const tinyPlan = (): Plan => ({
  format: "memplan.plan/v1",
  graph: "tiny",
  order: ["f1", "f2", "f3", "f4"],
  offsets: { x: 0, w: 4, a: 6, b: 14, c: 0, loss: 4 },
});

Deno.test("readPlan: the same plan and resolution as parsePlan then resolvePlan", () => {
  const value = tinyPlan();
  const { plan, resolved } = readPlan(g, value, "p.json");
  assert.equal(plan, value);
  assert.deepEqual(resolved, resolvePlan(g, parsePlan(value, "p.json")));
});

Deno.test("readPlan: shape errors first, then problems against the graph", () => {
  const shape = () => readPlan(g, { ...tinyPlan(), offsets: { a: -1, zzz: 0 } }, "p.json");
  assert.throws(
    shape,
    (e) => e instanceof InputError && e.problems.some((p) => p.where === "offsets.a"),
  );
  const unknown = () =>
    readPlan(g, { ...tinyPlan(), offsets: { ...tinyPlan().offsets, zzz: 0 } }, "p.json");
  assert.throws(unknown, (e) =>
    e instanceof InputError &&
    e.problems.some((p) => p.where === "offsets.zzz" && p.message === "unknown tensor"));
});

Deno.test("resolvePlan: an in-memory plan's invalid offset is named, in zod's words", () => {
  const ps = problems({ ...tinyPlan(), offsets: { ...tinyPlan().offsets, a: -8 } });
  assert.ok(
    ps.some((p) => p.startsWith("offsets.a|a|") && /Too small/.test(p)),
    ps.join("\n"),
  );
});

Deno.test("resolvePlan: a plan changed after it was resolved resolves to its new offsets", () => {
  const plan = tinyPlan();
  resolvePlan(g, parsePlan(plan, "p.json"));
  plan.offsets!.a = 30;
  assert.equal(resolvePlan(g, plan).offsets![2], 30);
});

Deno.test("buildPlan: ids named after Object.prototype members keep their offsets", () => {
  const ids = ["__proto__", "constructor", "toString"];
  const g = indexGraph({
    format: "memplan.graph/v1",
    name: "proto",
    tensors: ids.map((id) => ({ id, size: 4, kind: "weight" as const })),
    ops: [],
  });
  // The accessor every other runtime has (and Deno with --unsafe-proto), under
  // which `{}["__proto__"] = 0` is silently dropped.
  const saved = Object.getOwnPropertyDescriptor(Object.prototype, "__proto__")!;
  Object.defineProperty(Object.prototype, "__proto__", {
    configurable: true,
    get(this: object) {
      return Object.getPrototypeOf(this);
    },
    set(this: object, v: unknown) {
      if (typeof v === "object") Object.setPrototypeOf(this, v);
    },
  });
  let plan;
  try {
    plan = buildPlan(g, { offsets: Float64Array.from([0, 4, 8]) });
  } finally {
    Object.defineProperty(Object.prototype, "__proto__", saved);
  }
  const written = JSON.parse(JSON.stringify(plan));
  assert.deepEqual(Object.keys(written.offsets).sort(), [...ids].sort());
  assert.deepEqual([...resolvePlan(g, written).offsets!], [0, 4, 8]);
});
