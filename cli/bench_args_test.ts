import assert from "node:assert/strict";
import { InputError } from "../graph/input_error.ts";
import { benchInputs, defaultOut, parseNames, parseSizes } from "./bench_args.ts";

Deno.test("bench args: names, sizes (at least 13 tensors) and the default folder", () => {
  assert.deepEqual(parseNames(" greedy, ,best "), ["greedy", "best"]);
  assert.equal(parseNames(undefined), undefined);
  assert.deepEqual(parseSizes("--random", "100, 1000"), [100, 1000]);
  assert.throws(() => parseSizes("--random", "12"), InputError);
  assert.equal(defaultOut({}), "bench/results");
  assert.equal(defaultOut({ quick: true }), "bench/results/quick");
  assert.equal(
    defaultOut({ shard: { index: 2, count: 3 }, quick: true }),
    "bench/results/shard-2-of-3",
  );
});

Deno.test("bench args: paths first, then --random; the defaults only when nothing is asked", async () => {
  const inputs = await benchInputs(["testdata/graphs/tiny.json"], { seed: 1, random: "100" });
  assert.deepEqual(inputs.map((i) => i.kind), ["graph", "random"]);
});
