import assert from "node:assert/strict";
import { runCli } from "../_run_cli_test_util.ts";
import { tempDir } from "../../testkit/mod.ts";

const RESNET = "testdata/graphs/resnet18.b32.sgd.json.gz";

Deno.test("plan --budget writes a v2 plan that verify accepts; a tampered one is rejected", async () => {
  await using tmp = await tempDir();
  const dir = tmp.path;
  const out = `${dir}/plan.json`;
  const r = await runCli([
    "plan",
    RESNET,
    "--budget",
    "520MiB",
    "--budget-planner",
    "chen",
    "--placer",
    "greedy-size",
    "-o",
    out,
    "--json",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout);
  assert.equal(s.status, "planned");
  assert.ok(s.arena <= 520 * 2 ** 20 && s.recomputedCost > 0);
  assert.equal(s.costSource, "graph"); // the exporter records every op's cost
  const v = await runCli(["verify", RESNET, out, "--json"]);
  assert.equal(v.code, 0, v.stdout);
  const plan = JSON.parse(await Deno.readTextFile(out));
  assert.equal(plan.format, "memplan.plan/v2");
  // Planted fault: run the last optimizer update twice.
  plan.order.push(plan.order[plan.order.length - 1]);
  await Deno.writeTextFile(out, JSON.stringify(plan));
  const bad = await runCli(["verify", RESNET, out]);
  assert.equal(bad.code, 1);
  assert.match(bad.stdout, /runs again/);
});

Deno.test("plan --budget below the bound: impossible below the lower bound X, exit 3, nothing written", async () => {
  await using tmp = await tempDir();
  const dir = tmp.path;
  const out = `${dir}/plan.json`;
  const r = await runCli(["plan", RESNET, "--budget", "100MiB", "-o", out]);
  assert.equal(r.code, 3);
  assert.match(r.stderr, /budget \d+ is impossible: below the lower bound 355078976 of any plan/);
  await assert.rejects(() => Deno.stat(out));
  const bad = await runCli(["plan", RESNET, "--budget", "6 parsecs", "-o", out]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--budget/);
});

Deno.test("plan --budget: an exact planner's optimum is labelled as within its model", async () => {
  await using tmp = await tempDir();
  const dir = tmp.path;
  const r = await runCli([
    "plan",
    "testdata/graphs/tiny.json",
    "--budget",
    "1GiB",
    "--budget-planner",
    "checkmate",
    "--time-limit",
    "none",
    "-o",
    `${dir}/plan.json`,
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /checkmate \(optimal in its model,/);
});

Deno.test("plan --budget between the bounds: impossible without offload, planned with it", async () => {
  // ResNet-18: no plan below 355,078,976 B; none without offload below 451,253,572 B
  // (batch norms update running statistics, so their outputs cannot be recomputed).
  await using tmp = await tempDir();
  const dir = tmp.path;
  const out = `${dir}/plan.json`;
  const r = await runCli(["plan", RESNET, "--budget", "420000000", "-o", out, "--json"]);
  assert.equal(r.code, 3);
  const s = JSON.parse(r.stdout);
  assert.deepEqual([s.status, s.boundKind, s.bound], ["impossible", "recompute", 451253572]);
  await assert.rejects(() => Deno.stat(out));
  const text = await runCli(["plan", RESNET, "--budget", "420000000"]);
  assert.match(text.stderr, /any plan that only recomputes/);
  assert.match(text.stderr, /greedy-offload/);
  const offload = await runCli([
    "plan",
    RESNET,
    "--budget",
    "420000000",
    "--budget-planner",
    "greedy-offload",
    "--placer",
    "search",
    "--json",
  ]);
  assert.equal(offload.code, 0, offload.stderr);
  const p = JSON.parse(offload.stdout);
  assert.ok(p.status === "planned" && p.offloadedBytes > 0 && p.arena <= 420000000);
});

Deno.test("plan --budget: a run longer than its time limit still writes its plan and says so", async () => {
  await using tmp = await tempDir();
  const out = `${tmp.path}/plan.json`;
  // Loading the command alone takes longer than a microsecond.
  const args = ["plan", "testdata/graphs/tiny.json", "--budget", "40", "-o", out];
  const r = await runCli([...args, "--time-limit", "0.000001", "--json"]);
  assert.equal(r.code, 0);
  assert.match(JSON.parse(r.stdout).timeNote, /^over the time limit: .* 6 tensors took/);
  assert.equal((await runCli(["verify", "testdata/graphs/tiny.json", out])).code, 0);
  // Within its limit, nothing is said.
  const calm = await runCli([...args, "--json"]);
  assert.equal(JSON.parse(calm.stdout).timeNote, undefined);
});
