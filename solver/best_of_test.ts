import assert from "node:assert/strict";
import type { PlacementProblem } from "../graph/types.ts";
import { bestOf } from "./best_of.ts";
import type { Placer } from "./types.ts";

const problem: PlacementProblem = { buffers: [{ id: "a", lower: 0, upper: 1, size: 4 }] };

/** A placer that reports a fixed arena (offsets all 0) and counts its runs. */
function fixed(name: string, arena: number, runs: string[]): Placer {
  return {
    name,
    description: "fixed arena",
    place: (p) => {
      runs.push(name);
      return Promise.resolve({
        offsets: new Float64Array(p.buffers.length),
        arena,
        status: "feasible",
        seconds: 0,
      });
    },
  };
}

Deno.test("bestOf: the smallest arena wins, the first on ties", async () => {
  const runs: string[] = [];
  const r = await bestOf(problem, [fixed("a", 9, runs), fixed("b", 5, runs), fixed("c", 5, runs)]);
  assert.equal(r.name, "b");
  assert.deepEqual(r.arenas, { a: 9, b: 5, c: 5 });
  assert.deepEqual(runs, ["a", "b", "c"]);
});

Deno.test("bestOf: stops once the bound is met", async () => {
  const runs: string[] = [];
  const r = await bestOf(
    problem,
    [fixed("a", 9, runs), fixed("b", 4, runs), fixed("c", 1, runs)],
    {},
    {
      bound: 4,
    },
  );
  assert.equal(r.name, "b");
  assert.deepEqual(runs, ["a", "b"]);
});

Deno.test("bestOf: a spent budget starts nothing after the first", async () => {
  const runs: string[] = [];
  const r = await bestOf(problem, [fixed("a", 9, runs), fixed("b", 4, runs)], {}, { budget: 0 });
  assert.equal(r.name, "a");
  assert.deepEqual(runs, ["a"]);
});

Deno.test("bestOf: no candidates is an error, not a silent empty result", async () => {
  await assert.rejects(() => bestOf(problem, []), /at least one placer/);
});
