import assert from "node:assert/strict";
import { loadInputs } from "./inputs.ts";

Deno.test("loadInputs: a plan read already is not read again, and is checked under its file's name", async () => {
  const value = JSON.parse(await Deno.readTextFile("testdata/plans/tiny.valid.json"));
  // The file named is never opened: the value given is the plan.
  const { graph, resolved } = await loadInputs("testdata/graphs/tiny.json", "gone.json", value);
  assert.equal(resolved?.offsets?.[graph.tensorIndex.get("b")!], 14);
  await assert.rejects(
    () =>
      loadInputs("testdata/graphs/tiny.json", "gone.json", {
        format: "memplan.plan/v1",
        order: ["f9"],
      }),
    /gone\.json/,
  );
});
