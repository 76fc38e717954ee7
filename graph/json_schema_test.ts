import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { Ajv2020 } from "npm:ajv@8.20.0/dist/2020.js";
import { graphJsonSchema, planJsonSchema, planV2JsonSchema, schemaFiles } from "./json_schema.ts";
import { budgetPlanSchema, parseBudgetPlan } from "./budget/budget_plan.ts";

const root = new URL("../", import.meta.url);

async function readJson(path: string): Promise<unknown> {
  const bytes = await Deno.readFile(new URL(path, root));
  return JSON.parse(new TextDecoder().decode(path.endsWith(".gz") ? gunzipSync(bytes) : bytes));
}

Deno.test("json schemas: the committed files equal what `deno task schemas` writes", async () => {
  for (const [path, text] of Object.entries(schemaFiles())) {
    const committed = await Deno.readTextFile(new URL(path, root)).catch(() => "(missing)");
    assert.equal(committed, text, `${path} is stale: run \`deno task schemas\``);
  }
});

Deno.test("json schemas: every bundled graph and valid plan passes; shape errors fail", async () => {
  const ajv = new Ajv2020({ allErrors: true });
  const graph = ajv.compile(graphJsonSchema()), plan = ajv.compile(planJsonSchema());
  for await (const e of Deno.readDir(new URL("testdata/graphs/", root))) {
    const g = await readJson(`testdata/graphs/${e.name}`);
    assert.ok(graph(g), `${e.name}: ${ajv.errorsText(graph.errors)}`);
  }
  assert.ok(plan(await readJson("testdata/plans/tiny.valid.json")), ajv.errorsText(plan.errors));
  // Shape errors the schema can see (cross-references are memplan's to check).
  for (const bad of ["negative_size", "fractional_size", "unsafe_size", "wrong_format"]) {
    assert.equal(graph(await readJson(`testdata/bad/${bad}.json`)), false, bad);
  }
  assert.equal(plan(await readJson("testdata/bad/plan_wrong_format.json")), false);
  assert.equal(plan({ format: "memplan.plan/v1", offsets: { a: -1 } }), false);
});

Deno.test("json schemas: v2 accepts the bundled v2 plan; rejects what the v2 reader rejects", async () => {
  const ajv = new Ajv2020({ allErrors: true });
  // The published file, not the function: what users validate against.
  const schema = JSON.parse(
    await Deno.readTextFile(new URL("docs/schemas/memplan.plan.v2.schema.json", root)),
  );
  assert.deepEqual(schema, planV2JsonSchema(), "stale: run `deno task schemas`");
  const plan = ajv.compile(schema);
  const valid = await readJson("testdata/plans/tiny.v2.valid.json");
  assert.ok(plan(valid), ajv.errorsText(plan.errors));
  assert.doesNotThrow(() => parseBudgetPlan(valid, "tiny.v2.valid.json"));
  assert.ok(plan({ format: "memplan.plan/v2" }), "every field but format is optional");
  const bad: [string, unknown][] = [
    ["v1 format", { format: "memplan.plan/v1" }],
    ["no format", { order: ["f1"] }],
    ["empty op id", { format: "memplan.plan/v2", order: [""] }],
    ["unknown event", { format: "memplan.plan/v2", order: [{ evict: "a" }] }],
    ["two keys in an event", { format: "memplan.plan/v2", order: [{ offload: "a", fetch: "a" }] }],
    ["negative offset", { format: "memplan.plan/v2", offsets: { a: -1 } }],
    ["fractional offset in a list", { format: "memplan.plan/v2", offsets: { a: [0, 1.5] } }],
    ["empty offset list", { format: "memplan.plan/v2", offsets: { a: [] } }],
    ["zero bandwidth", { format: "memplan.plan/v2", bandwidth: 0 }],
    ["string capacity", { format: "memplan.plan/v2", capacity: "6GiB" }],
  ];
  for (const [why, value] of bad) {
    assert.equal(plan(value), false, `schema accepted: ${why}`);
    // The v2 reader's own schema agrees (memplan also reads v1, as the plan running each op once).
    assert.equal(budgetPlanSchema.safeParse(value).success, false, `memplan accepted: ${why}`);
  }
});

Deno.test("json schemas: docs/FORMAT.md §7.1's example is the bundled v2 plan", async () => {
  const doc = await Deno.readTextFile(new URL("docs/FORMAT.md", root));
  const section = doc.slice(doc.indexOf("### 7.1"), doc.indexOf("### 7.2"));
  const block = section.match(/```json\n([\s\S]*?)```/);
  assert.ok(block, "§7.1 has no json example");
  assert.deepEqual(JSON.parse(block[1]), await readJson("testdata/plans/tiny.v2.valid.json"));
});
