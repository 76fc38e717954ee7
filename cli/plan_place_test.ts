import assert from "node:assert/strict";
import { runCli } from "./_run_cli_test_util.ts";
import { tempDir } from "../testkit/mod.ts";

const EXAMPLE = "testdata/minimalloc/example.12.csv";

Deno.test("plan: writes a plan that verifies, and reports the replayed figures", async () => {
  await using tmp = await tempDir();
  const dir = tmp.path;
  const out = `${dir}/plan.json`;
  const r = await runCli([
    "plan",
    "testdata/graphs/alexnet.b32.sgd.json.gz",
    "--scheduler",
    "greedy",
    "--placer",
    "greedy-size",
    "-o",
    out,
    "--json",
  ]);
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout);
  // Reordering alone takes AlexNet from 603,195,972 to the proved bound 397,102,244.
  assert.equal(s.programOrderPeak, 603195972);
  assert.equal(s.peakLive, 397102244);
  assert.equal(s.lowerBound, 397102244);
  assert.equal(s.orderOptimal, true);
  assert.equal(s.placementGap, s.arena - s.peakLive);
  // The placement's own bound: peak live or above, its method, the gap to it.
  assert.ok(s.placementLowerBound >= s.peakLive && s.placementLowerBound <= s.arena);
  assert.equal(s.placementGapToBound, (s.arena - s.placementLowerBound) / s.placementLowerBound);
  assert.equal(typeof s.placementLowerBoundMethod, "string");
  const plan = JSON.parse(await Deno.readTextFile(out));
  assert.deepEqual(plan.planner.placementLowerBound, {
    bytes: s.placementLowerBound,
    method: s.placementLowerBoundMethod,
  });
  const v = await runCli(["verify", "testdata/graphs/alexnet.b32.sgd.json.gz", out, "--json"]);
  assert.equal(v.code, 0, v.stdout);
  assert.equal(JSON.parse(v.stdout).arena, s.arena);
});

Deno.test("plan: a capacity below the bound exits 3 and writes nothing", async () => {
  await using tmp = await tempDir();
  const dir = tmp.path;
  const out = `${dir}/plan.json`;
  const r = await runCli([
    "plan",
    "testdata/graphs/tiny.json",
    "--scheduler",
    "greedy",
    "--placer",
    "greedy-size",
    "--capacity",
    "10",
    "-o",
    out,
  ]);
  assert.equal(r.code, 3);
  assert.match(r.stderr, /capacity 10 is impossible: below the lower bound 22 of any plan/);
  assert.doesNotMatch(r.stderr, /in time/);
  await assert.rejects(() => Deno.stat(out));
});

Deno.test("plan: a run longer than its time limit still writes its plan and says so", async () => {
  await using tmp = await tempDir();
  const out = `${tmp.path}/plan.json`;
  // Loading the command alone takes longer than a microsecond.
  const r = await runCli([
    "plan",
    "testdata/graphs/tiny.json",
    "--time-limit",
    "0.000001",
    "-o",
    out,
    "--json",
  ]);
  assert.equal(r.code, 0);
  assert.match(
    JSON.parse(r.stdout).timeNote,
    /^over the time limit: reading, planning, verifying and writing 6 tensors took/,
  );
  assert.equal((await runCli(["verify", "testdata/graphs/tiny.json", out])).code, 0);
});

Deno.test("plan: unknown scheduler or placer is bad usage, naming the valid ones", async () => {
  const r = await runCli([
    "plan",
    "testdata/graphs/tiny.json",
    "--scheduler",
    "magic",
    "-o",
    "/tmp/x.json",
  ]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /magic/);
  assert.match(r.stderr, /greedy/);
});

Deno.test("place: example.12 within 12 with greedy-size; capacity 11 is not reachable (exit 3)", async () => {
  await using tmp = await tempDir();
  const dir = tmp.path;
  const out = `${dir}/sol.csv`;
  const ok = await runCli([
    "place",
    EXAMPLE,
    "--placer",
    "greedy-size",
    "--capacity",
    "12",
    "-o",
    out,
  ]);
  assert.equal(ok.code, 0, ok.stderr);
  assert.equal((await runCli(["verify", out, "--capacity", "12"])).code, 0);
  const no = await runCli([
    "place",
    EXAMPLE,
    "--placer",
    "greedy-size",
    "--capacity",
    "11",
    "-o",
    `${dir}/no.csv`,
  ]);
  assert.equal(no.code, 3);
  await assert.rejects(() => Deno.stat(`${dir}/no.csv`));
});

Deno.test("place: the default placer packs challenging-C exactly at capacity; --minimize reaches its bound", async () => {
  await using tmp = await tempDir();
  const dir = tmp.path;
  const C = "testdata/minimalloc/challenging-C.1048576.csv";
  // No time limit: the instance alone decides the outcome, on any machine.
  const r = await runCli([
    "place",
    C,
    "--capacity",
    "1048576",
    "--time-limit",
    "none",
    "-o",
    `${dir}/c.csv`,
    "--json",
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(JSON.parse(r.stdout).fits, true);
  assert.equal((await runCli(["verify", `${dir}/c.csv`, "--capacity", "1048576"])).code, 0);
  const m = await runCli([
    "place",
    C,
    "--placer",
    "search",
    "--minimize",
    "--time-limit",
    "none",
    "-o",
    `${dir}/m.csv`,
    "--json",
  ]);
  assert.equal(m.code, 0, m.stderr);
  const s = JSON.parse(m.stdout);
  assert.deepEqual([s.arena, s.status], [1039360, "optimal"]);
});

Deno.test("place --minimize --json: the bound, its method and the gap; optimal only at the bound", async () => {
  await using tmp = await tempDir();
  const dir = tmp.path;
  for (const placer of ["search", "first-fit"]) {
    const r = await runCli([
      "place",
      "testdata/minimalloc/challenging-C.1048576.csv",
      "--placer",
      placer,
      "--minimize",
      "--time-limit",
      "20",
      "-o",
      `${dir}/c.csv`,
      "--json",
    ]);
    assert.equal(r.code, 0, r.stderr);
    const s = JSON.parse(r.stdout);
    assert.ok(s.lowerBound >= s.peakLive && s.lowerBound <= s.arena, placer);
    assert.equal(s.gapToBound, (s.arena - s.lowerBound) / s.lowerBound);
    assert.equal(s.status === "optimal", s.arena === s.lowerBound, placer);
    if (placer === "search") {
      assert.deepEqual([s.status, s.lowerBoundMethod], ["optimal", "peak-live"]);
    }
  }
  const text = await runCli([
    "place",
    "testdata/minimalloc/challenging-C.1048576.csv",
    "--placer",
    "search",
    "--minimize",
    "-o",
    `${dir}/c.csv`,
  ]);
  assert.match(text.stdout, /optimal \(proved by peak-live\)/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("place --threads: 1 places as 2 does on a problem settled at once; 3 is refused", async () => {
  await using tmp = await tempDir();
  const dir = tmp.path;
  try {
    const arenas = [];
    for (const threads of ["1", "2"]) {
      const r = await runCli([
        "place",
        EXAMPLE,
        "--capacity-from-name",
        "--placer",
        "search",
        "--threads",
        threads,
        "-o",
        `${dir}/out${threads}.csv`,
        "--json",
      ]);
      assert.equal(r.code, 0, r.stderr);
      arenas.push(JSON.parse(r.stdout).arena);
    }
    assert.deepEqual(arenas, [12, 12]);
    const bad = await runCli(["place", EXAMPLE, "--threads", "3", "-o", `${dir}/bad.csv`]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--threads/);
    await assert.rejects(Deno.stat(`${dir}/bad.csv`));
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("plan --threads: 1 plans, 3 is refused as bad input", async () => {
  const one = await runCli(["plan", "testdata/graphs/tiny.json", "--threads", "1", "--json"]);
  assert.equal(one.code, 0, one.stderr);
  assert.equal(typeof JSON.parse(one.stdout).arena, "number");
  const bad = await runCli(["plan", "testdata/graphs/tiny.json", "--threads", "3"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /--threads/);
});
