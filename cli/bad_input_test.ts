import assert from "node:assert/strict";
import { runCli } from "./_run_cli_test_util.ts";
import { tempDir } from "../testkit/mod.ts";

const BAD = "testdata/bad";
const TINY = "testdata/graphs/tiny.json";

// Each case: the command, and words the one message must contain (the file,
// and what is wrong, with the field or id where there is one).
const CASES: [string, string[], string[]][] = [
  ["malformed JSON", ["stats", `${BAD}/malformed.json`], ["malformed.json", "malformed JSON"]],
  ["empty file", ["stats", `${BAD}/empty.json`], ["empty.json", "malformed JSON"]],
  ["not UTF-8", ["stats", `${BAD}/not_utf8.json`], ["not_utf8.json", "not UTF-8"]],
  ["truncated gzip", ["stats", `${BAD}/truncated.json.gz`], [
    "truncated.json.gz",
    "not a valid gzip file",
  ]],
  ["missing file", ["stats", `${BAD}/no_such_file.json`], ["no_such_file.json", "no such file"]],
  ["wrong format", ["stats", `${BAD}/wrong_format.json`], [
    "wrong_format.json",
    "format",
    "memplan.graph/v1",
  ]],
  ["duplicate tensor id", ["stats", `${BAD}/duplicate_tensor_id.json`], [
    "tensors[6].id",
    '"a"',
    "duplicate tensor id",
  ]],
  ["duplicate op id", ["stats", `${BAD}/duplicate_op_id.json`], [
    "ops[4].id",
    '"f2"',
    "duplicate op id",
  ]],
  ["unknown tensor", ["stats", `${BAD}/unknown_tensor.json`], [
    "ops[1].in[1]",
    '"ghost"',
    "unknown tensor",
  ]],
  ["after to an unknown op", ["stats", `${BAD}/after_unknown_op.json`], [
    "ops[3].after[0]",
    '"nosuchop"',
    "unknown op",
  ]],
  ["after to a later op", ["stats", `${BAD}/after_later_op.json`], [
    "ops[1].after",
    '"f2"',
    'must run after op "f4"',
  ]],
  ["two producers", ["stats", `${BAD}/two_producers.json`], [
    "ops[2].out[1]",
    '"b"',
    "two producers",
  ]],
  ["produced weight", ["stats", `${BAD}/produced_weight.json`], [
    "ops[0].out[1]",
    '"w"',
    "kind weight has no producer",
  ]],
  ["activation without producer", ["stats", `${BAD}/activation_without_producer.json`], [
    "tensors[6]",
    '"orphan"',
    "needs a producer",
  ]],
  ["cycle", ["stats", `${BAD}/cycle.json`], ["cycle", '"f1"', '"f3"']],
  ["non-topological program order", ["stats", `${BAD}/not_topological.json`], [
    "ops[1].in",
    '"f3"',
    "not topological",
  ]],
  ["negative size", ["stats", `${BAD}/negative_size.json`], ["tensors[2].size", '"a"', ">=0"]],
  ["fractional size", ["stats", `${BAD}/fractional_size.json`], [
    "tensors[2].size",
    '"a"',
    "expected int",
  ]],
  ["unsafe-integer size", ["stats", `${BAD}/unsafe_size.json`], ["tensors[2].size", '"a"']],
  ["sizes summing past 2^53 - 1", ["stats", `${BAD}/sizes_sum_unsafe.json`], [
    "tensors",
    "sum past 2^53 - 1",
  ]],
  ["plan: unknown op", ["verify", TINY, `${BAD}/plan_unknown_op.json`], [
    "plan_unknown_op.json",
    "order[2]",
    '"zz"',
    "unknown op",
  ]],
  ["plan: missing op", ["verify", TINY, `${BAD}/plan_missing_op.json`], [
    "plan_missing_op.json",
    '"f3"',
    "missing from the order",
  ]],
  ["plan: repeated op", ["verify", TINY, `${BAD}/plan_repeated_op.json`], [
    "order[2]",
    '"f2"',
    "repeated",
  ]],
  ["plan: missing offset", ["verify", TINY, `${BAD}/plan_missing_offset.json`], [
    "offsets",
    '"b"',
    "no offset",
  ]],
  ["plan: misaligned offset", [
    "verify",
    `${BAD}/aligned.graph.json`,
    `${BAD}/plan_misaligned.json`,
  ], ["offsets.loss", '"loss"', "not a multiple of", "alignment 4"]],
  ["plan: wrong format", ["verify", TINY, `${BAD}/plan_wrong_format.json`], [
    "plan_wrong_format.json",
    "format",
  ]],
  ["CSV: bad header", ["verify", `${BAD}/csv_bad_header.csv`], [
    "csv_bad_header.csv",
    "line 1",
    "bad header",
  ]],
  ["CSV: upper <= lower", ["verify", `${BAD}/csv_upper_le_lower.csv`], [
    "line 3",
    '"b2"',
    "upper 5 must be greater than lower 5",
  ]],
  ["CSV: not a number", ["verify", `${BAD}/csv_not_a_number.csv`], ["line 2", '"b1"', "size"]],
  ["CSV: live bytes past 2^53 - 1", ["place", `${BAD}/csv_live_unsafe.csv`, "-o", "-"], [
    "csv_live_unsafe.csv",
    "alive at some time sum past 2^53 - 1",
  ]],
  ["CSV: offset + size past 2^53 - 1", ["verify", `${BAD}/csv_offset_unsafe.csv`], [
    "line 3",
    '"b2"',
    "past 2^53 - 1",
  ]],
  ["CSV: not UTF-8", ["verify", `${BAD}/csv_not_utf8.csv`], ["csv_not_utf8.csv", "not UTF-8"]],
  ["bad --capacity", ["verify", TINY, "testdata/plans/tiny.valid.json", "--capacity", "-3"], [
    "--capacity",
    "is not a size in bytes",
  ]],
  ["unknown allocator", ["simulate", TINY, "--allocator", "magic"], ["magic", "allocator"]],
  ["unknown command", ["frobnicate"], ["frobnicate"]],
];

for (const [name, args, words] of CASES) {
  Deno.test(`bad input: ${name} exits 2 with a clear message`, async () => {
    const r = await runCli(args);
    assert.equal(r.code, 2, `exit code; stderr:\n${r.stderr}`);
    for (const w of words) {
      assert.ok(r.stderr.includes(w), `stderr lacks ${JSON.stringify(w)}:\n${r.stderr}`);
    }
    assert.ok(!/\n\s+at /.test(r.stderr), `stack trace in stderr:\n${r.stderr}`);
    assert.ok(!r.stderr.includes("internal error"), r.stderr);
  });
}

Deno.test("bad input: a real process exits 2 and prints one message", async () => {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "cli/main.ts", "stats", `${BAD}/cycle.json`],
    stdout: "piped",
    stderr: "piped",
  }).output();
  assert.equal(out.code, 2);
  const err = new TextDecoder().decode(out.stderr);
  assert.match(err, /cycle\.json: ops: the graph has a cycle/);
});

Deno.test("bad input: convert writes nothing when the plan is bad", async () => {
  await using tmp = await tempDir();
  const dir = tmp.path;
  const target = `${dir}/out.csv`;
  const r = await runCli([
    "convert",
    TINY,
    "--plan",
    `${BAD}/plan_missing_op.json`,
    "--to",
    "minimalloc",
    "-o",
    target,
  ]);
  assert.equal(r.code, 2);
  await assert.rejects(() => Deno.stat(target));
  assert.deepEqual([...Deno.readDirSync(dir)], []);
});
