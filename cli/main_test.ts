import assert from "node:assert/strict";
import { commandAlone, main } from "./main.ts";
import { buildProgram } from "./program.ts";

Deno.test("main: every command, loaded alone, is the one of its name", async () => {
  const names = (await buildProgram()).commands.map((c) => c.name());
  assert.ok(names.length >= 10);
  for (const name of names) assert.equal((await commandAlone(name))?.name(), name);
  assert.equal(await commandAlone("constructor"), undefined); // not an inherited key
  assert.equal(await main(["stats", "testdata/graphs/tiny.json"]), 0);
});
