import assert from "node:assert/strict";
import { runCli } from "../_run_cli_test_util.ts";
import { tempDir } from "../../testkit/mod.ts";

const RESNET = "testdata/graphs/resnet18.b32.sgd.json.gz";

Deno.test("pareto: a verified point per planner and budget, a table and an SVG", async () => {
  await using tmp = await tempDir();
  const dir = tmp.path;
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
  // neither planner offloads: the lowest budget is the recompute-only bound
  assert.equal(
    curve.points.filter((p: { budget: number }) => p.budget === curve.recomputeBound).length,
    2,
  );
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

const MLP = "testdata/graphs/mlp.b2.sgd.json.gz";

Deno.test("pareto --table: the Markdown table, a row per budget, 'impossible, bound X' below it", async () => {
  await using tmp = await tempDir();
  const dir = tmp.path;
  const table = `${dir}/curve.md`;
  const r = await runCli([
    "pareto",
    MLP,
    "--planners",
    "greedy",
    "--budgets",
    "74804,100",
    "--placer",
    "greedy-size",
    "--table",
    table,
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stderr, /budget 100 is impossible: below the lower bound 74800 of any plan/);
  const md = await Deno.readTextFile(table);
  assert.match(md, /^mlp\.train\.b2\.sgd: no-recompute peak/);
  assert.match(md, /\| budget \| % of no-recompute peak \| greedy \|/);
  assert.match(md, /\| 74804 B \| 100\.0% \| 0\.00% \|/);
  assert.match(md, /\| 100 B \| 0\.1% \| impossible, bound 74800 \|/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("pareto: every budget below the bound is exit 3, 'impossible', nothing written", async () => {
  await using tmp = await tempDir();
  const dir = tmp.path;
  const r = await runCli([
    "pareto",
    MLP,
    "--budgets",
    "100,74799",
    "--svg",
    `${dir}/c.svg`,
    "--table",
    `${dir}/c.md`,
  ]);
  assert.equal(r.code, 3);
  assert.match(r.stderr, /budget 74799 is impossible: below the lower bound 74800 of any plan/);
  assert.match(r.stderr, /every budget is impossible; nothing written/);
  assert.deepEqual([...Deno.readDirSync(dir)], []);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("pareto: evenly spaced budgets run from the no-recompute peak to the planners' bound, distinct", async () => {
  const r = await runCli([
    "pareto",
    MLP,
    "--planners",
    "chen",
    "--points",
    "4",
    "--json",
    "--placer",
    "greedy-size",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const curve = JSON.parse(r.stdout);
  const budgets = curve.points.map((p: { budget: number }) => p.budget);
  assert.equal(budgets[0], curve.noRecomputePeak);
  assert.equal(budgets[budgets.length - 1], curve.recomputeBound); // chen only recomputes
  assert.equal(new Set(budgets).size, budgets.length);
});
