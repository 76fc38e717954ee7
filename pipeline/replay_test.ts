import assert from "node:assert/strict";
import { InputError } from "../graph/input_error.ts";
import { loadGraph, loadResolvedPlan } from "../graph/load.ts";
import { replay } from "./replay.ts";

Deno.test("replay: static for a plan with offsets, with the plan's capacity", async () => {
  const g = await loadGraph("testdata/graphs/tiny.json");
  const { resolved } = await loadResolvedPlan(g, "testdata/plans/tiny.valid.json");
  const r = replay(g, { resolved });
  assert.equal(r.allocator, "static");
  assert.equal(r.capacity, resolved.capacity);
  assert.equal(replay(g, { resolved, allocator: "pytorch" }).allocator, "pytorch");
});

Deno.test("replay: static without offsets names the option or the file", async () => {
  const g = await loadGraph("testdata/graphs/tiny.json");
  assert.throws(
    () => replay(g, { allocator: "static", allocatorOption: "--compare-allocator" }),
    (e) => e instanceof InputError && /--compare-allocator/.test(e.message),
  );
});
