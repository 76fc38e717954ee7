import assert from "node:assert/strict";
import { runCli } from "../_run_cli_test_util.ts";

const TINY = "testdata/graphs/tiny.json";
const V2 = "testdata/plans/tiny.v2.valid.json";

Deno.test("verify v2 --json: peak, arena, fragmentation, recompute, transfers and cost source", async () => {
  const r = await runCli(["verify", TINY, V2, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.ok, true);
  // x 4 + w 2 + a 8 + b 8 while f2 runs; tiny has no op costs: bytes read + written.
  assert.deepEqual(
    [j.peakLive, j.arena, j.fragmentation, j.recomputedRuns, j.costSource],
    [22, 22, 0, 1, "estimated"],
  );
  // f1 re-runs: it reads x (4) and w (2) and writes a (8); the step costs 55.
  assert.equal(j.recomputedCost, 14);
  assert.equal(j.stepCost, 55);
  assert.equal(j.recomputedFraction, 14 / 55);
  assert.deepEqual([j.offloadedBytes, j.fetchedBytes], [8, 8]);
  // The plan's bandwidth: 16 bytes at 1000 B/s.
  assert.deepEqual([j.bandwidth, j.transferSeconds], [1000, 0.016]);
});

Deno.test("verify v2 --bandwidth: gives the transfer time, over the plan's own bandwidth", async () => {
  const r = await runCli(["verify", TINY, V2, "--json", "--bandwidth", "2kB"]);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.deepEqual([j.bandwidth, j.transferSeconds], [2000, 0.008]);
  const text = await runCli(["verify", TINY, V2, "--bandwidth", "2000"]);
  assert.match(text.stdout, /transfer time\s+│ 0\.0080 s at 2000 B\/s/);
  assert.match(text.stdout, /costs estimated from sizes: the graph has no op costs/);
});

Deno.test("verify v2 without any bandwidth: bytes moved, no transfer time", async () => {
  const dir = await Deno.makeTempDir();
  const plan = JSON.parse(await Deno.readTextFile(V2));
  delete plan.bandwidth;
  await Deno.writeTextFile(`${dir}/p.json`, JSON.stringify(plan));
  const r = await runCli(["verify", TINY, `${dir}/p.json`, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const j = JSON.parse(r.stdout);
  assert.equal(j.offloadedBytes, 8);
  assert.equal("transferSeconds" in j, false);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("verify v2 --bandwidth 0 is bad usage naming the option", async () => {
  const r = await runCli(["verify", TINY, V2, "--bandwidth", "0"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /--bandwidth/);
});
