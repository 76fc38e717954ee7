import assert from "node:assert/strict";
import { gunzipSync } from "node:zlib";
import { Ajv2020 } from "npm:ajv@8.20.0/dist/2020.js";
import { graphJsonSchema, planJsonSchema, schemaFiles } from "./json_schema.ts";

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
