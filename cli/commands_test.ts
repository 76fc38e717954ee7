import assert from "node:assert/strict";
import { runCli } from "./_run_cli_test_util.ts";
import { tempDir } from "../testkit/mod.ts";

const TINY = "testdata/graphs/tiny.json";
const PLANS = "testdata/plans";

Deno.test("stats: the program-order peak of FORMAT.md §2 and §5 (22 bytes at step 2)", async () => {
  const r = await runCli(["stats", TINY, "--json"]);
  assert.equal(r.code, 0, r.stderr);
  const s = JSON.parse(r.stdout);
  assert.equal(s.programOrderPeak, 22);
  assert.equal(s.peakStep, 2);
  assert.equal(s.peakOp, "f3");
  assert.deepEqual([s.ops, s.tensors, s.bytesByKind.weight, s.peakLiveByKind.activation], [
    4,
    6,
    2,
    20,
  ]);
  const text = await runCli(["stats", TINY]);
  assert.match(text.stdout, /program-order peak\s*│\s*22 B/);
});

Deno.test("verify: exit 0 for a valid plan, 1 for one-byte overlap, wrong order, over capacity", async () => {
  assert.equal((await runCli(["verify", TINY, `${PLANS}/tiny.valid.json`])).code, 0);
  const overlap = await runCli(["verify", TINY, `${PLANS}/tiny.overlap1.json`, "--json"]);
  assert.equal(overlap.code, 1);
  assert.equal(JSON.parse(overlap.stdout).violations[0].kind, "overlap");
  const order = await runCli(["verify", TINY, `${PLANS}/tiny.before_producer.json`, "--json"]);
  assert.equal(order.code, 1);
  assert.ok(
    JSON.parse(order.stdout).violations.some((v: { kind: string }) => v.kind === "not_topological"),
  );
  const after = await runCli([
    "verify",
    "testdata/graphs/branchy.json",
    `${PLANS}/branchy.before_after.json`,
    "--json",
  ]);
  assert.equal(after.code, 1);
  assert.equal(JSON.parse(after.stdout).violations[0].edge, "after");
  const cap = await runCli(["verify", TINY, `${PLANS}/tiny.over_capacity.json`]);
  assert.equal(cap.code, 1);
  assert.match(cap.stdout, /out_of_capacity: "loss"/);
});

Deno.test("verify: a minimalloc solution CSV, with and without a capacity", async () => {
  await using tmp = await tempDir();
  const dir = tmp.path;
  const good = `${dir}/good.csv`, bad = `${dir}/bad.csv`;
  await Deno.writeTextFile(
    good,
    "id,lower,upper,size,offset\nb1,0,3,4,0\nb2,3,9,4,0\nb3,0,9,4,4\n",
  );
  await Deno.writeTextFile(bad, "id,lower,upper,size,offset\nb1,0,3,4,0\nb2,2,9,4,3\n");
  assert.equal((await runCli(["verify", good])).code, 0);
  assert.equal((await runCli(["verify", good, "--capacity", "7"])).code, 1);
  const r = await runCli(["verify", bad, "--json"]);
  assert.equal(r.code, 1);
  const v = JSON.parse(r.stdout).violations[0];
  assert.deepEqual(v, {
    kind: "overlap",
    step: 2,
    tensors: ["b1", "b2"],
    ranges: [[0, 4], [3, 7]],
  });
});

Deno.test("simulate: each allocator, text and JSON", async () => {
  for (const a of ["first-fit", "best-fit", "pytorch"]) {
    const r = await runCli(["simulate", TINY, "--allocator", a, "--json", "--timeline"]);
    assert.equal(r.code, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.equal(j.allocator, a);
    assert.equal(j.peakLive, 22);
    assert.deepEqual(j.timeline.live, [14, 18, 22, 7]);
  }
  const text = await runCli(["simulate", TINY, "--plan", `${PLANS}/tiny.valid.json`]);
  assert.match(text.stdout, /tiny under the static allocator: VALID/);
  assert.match(text.stdout, /arena \(H\)\s*│\s*23 B/);
});

Deno.test("convert: the placement problem of the plan's order, with offsets", async () => {
  await using tmp = await tempDir();
  const dir = tmp.path;
  const out = `${dir}/tiny.csv`;
  const r = await runCli([
    "convert",
    TINY,
    "--plan",
    `${PLANS}/tiny.valid.json`,
    "--to",
    "minimalloc",
    "-o",
    out,
  ]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(
    await Deno.readTextFile(out),
    "id,lower,upper,size,offset\nx,0,1,4,0\nw,0,4,2,4\na,0,3,8,6\nb,1,3,8,14\nc,2,4,4,0\nloss,3,4,1,22\n",
  );
  // and the CSV verifies on its own
  assert.equal((await runCli(["verify", out])).code, 0);
});

Deno.test("help explains commands and exit codes", async () => {
  const r = await runCli(["--help"]);
  assert.equal(r.code, 0);
  assert.match(r.stdout, /Exit codes/);
  assert.match(r.stdout, /verify/);
});
