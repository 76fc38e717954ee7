import assert from "node:assert/strict";
import { runCli } from "../_run_cli_test_util.ts";

const RESNET = "testdata/graphs/resnet18.b32.sgd.json.gz";

Deno.test("pareto: a verified point per planner and budget, a table and an SVG", async () => {
  const dir = await Deno.makeTempDir();
  const svg = `${dir}/curve.svg`;
  const r = await runCli([
    "pareto",
    RESNET,
    "--planners",
    "chen,greedy",
    "--points",
    "3",
    "--placer",
    "greedy-size",
    "--svg",
    svg,
    "--json",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const curve = JSON.parse(r.stdout.slice(0, r.stdout.lastIndexOf("}") + 1));
  assert.equal(curve.points.length, 6);
  assert.equal(curve.points.filter((p: { budget: number }) => p.budget === curve.bound).length, 2);
  for (const p of curve.points) {
    assert.notEqual(p.status, "invalid");
    if (p.status === "verified") assert.ok(p.arena <= p.budget);
  }
  assert.ok(
    curve.points.some((p: { status: string; recomputedCost: number }) =>
      p.status === "verified" && p.recomputedCost > 0
    ),
  );
  assert.match(await Deno.readTextFile(svg), /^<svg/);
});

Deno.test("pareto: an unknown planner is bad usage naming the valid ones", async () => {
  const r = await runCli(["pareto", RESNET, "--planners", "chen,magic"]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown budget planner "magic"; valid: chen, greedy/);
});
