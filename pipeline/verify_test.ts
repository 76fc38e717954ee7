import assert from "node:assert/strict";
import { InputError } from "../graph/input_error.ts";
import { loadGraph } from "../graph/load.ts";
import { verify } from "./verify.ts";

const json = async (file: string) => JSON.parse(await Deno.readTextFile(file));

Deno.test("verify: a valid plan passes, from raw JSON or an indexed graph", async () => {
  const plan = await json("testdata/plans/tiny.valid.json");
  assert.ok(verify(await json("testdata/graphs/tiny.json"), plan).ok);
  assert.ok(verify(await loadGraph("testdata/graphs/tiny.json"), plan).ok);
});

Deno.test("verify: a wrong plan is a report with its violations", async () => {
  const graph = await json("testdata/graphs/tiny.json");
  const r = verify(graph, await json("testdata/plans/tiny.over_capacity.json"));
  assert.equal(r.ok, false);
  assert.ok(r.violations.some((v) => v.kind === "out_of_capacity"));
  assert.ok(
    verify(graph, await json("testdata/plans/tiny.over_capacity.json"), {
      capacity: r.arena,
    }).ok,
  );
});

Deno.test("verify: a malformed graph or plan is InputError", async () => {
  const graph = await json("testdata/graphs/tiny.json");
  assert.throws(() => verify({ format: "nope" }, {}), InputError);
  assert.throws(
    () => verify(graph, { format: "memplan.plan/v1", graph: "tiny", order: ["zz"] }),
    InputError,
  );
});

Deno.test("verify: a plan for another graph is named by its file and stops at that problem", async () => {
  const graph = await json("testdata/graphs/tiny.json");
  assert.throws(
    () =>
      verify(graph, { format: "memplan.plan/v1", graph: "mlp", order: ["x"] }, { file: "p.json" }),
    (e) => {
      assert.ok(e instanceof InputError);
      assert.equal(
        e.message,
        'p.json: graph: plan is for graph "mlp", not "tiny"; not checked further',
      );
      return true;
    },
  );
});
