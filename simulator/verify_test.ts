import assert from "node:assert/strict";
import { loadGraph, loadPlan } from "../graph/load.ts";
import { InputError } from "../graph/input_error.ts";
import { verify } from "./verify.ts";

const g = await loadGraph("testdata/graphs/tiny.json");

Deno.test("verify: a valid plan passes in one call", async () => {
  const report = verify(g, await loadPlan("testdata/plans/tiny.valid.json"));
  assert.equal(report.ok, true);
  assert.equal(report.violationCount, 0);
});

Deno.test("verify: an overlap is reported, and a capacity option is applied", async () => {
  const overlap = verify(g, await loadPlan("testdata/plans/tiny.overlap1.json"));
  assert.equal(overlap.ok, false);
  assert.ok((overlap.violationsByKind.overlap ?? 0) > 0);
  const tight = verify(g, await loadPlan("testdata/plans/tiny.valid.json"), { capacity: 8 });
  assert.equal(tight.ok, false);
});

Deno.test("verify: a plan for another graph throws InputError naming the file", () => {
  const plan = { format: "memplan.plan/v1" as const, order: ["nope"] };
  assert.throws(() => verify(g, plan, { file: "other.json" }), (e) => {
    assert.ok(e instanceof InputError);
    assert.match(e.message, /other\.json/);
    return true;
  });
});
