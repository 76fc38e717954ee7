import assert from "node:assert/strict";
import { defaultInputs } from "./inputs.ts";

Deno.test("bench --quick runs the vendored MiniMalloc suite, each problem at its capacity", async () => {
  const inputs = await defaultInputs({ quick: true, seed: 1 });
  const suite = inputs.filter((i) => i.suite === "minimalloc");
  assert.deepEqual(
    suite.map((i) => [i.name, i.capacity]).sort(),
    [
      ["challenging-A", 1048576],
      ["challenging-B", 1048576],
      ["challenging-C", 1048576],
      ["example", 12],
    ],
  );
  assert.ok(inputs.some((i) => i.suite === "fixtures"));
});
