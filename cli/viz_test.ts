import assert from "node:assert/strict";
import { runCli } from "./_run_cli_test_util.ts";

const TINY = "testdata/graphs/tiny.json";
const PLANS = "testdata/plans";

async function tempDir(): Promise<string> {
  return await Deno.makeTempDir({ prefix: "memplan-viz-cli-" });
}

Deno.test("viz: an SVG of tiny under its plan, both panels, exit 0", async () => {
  const dir = await tempDir();
  const out = `${dir}/tiny.svg`;
  const r = await runCli(["viz", TINY, "--plan", `${PLANS}/tiny.valid.json`, "-o", out]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /wrote .*tiny\.svg/);
  const svg = await Deno.readTextFile(out);
  assert.match(svg, /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg"/);
  assert.equal((svg.match(/class="memory-map"/g) ?? []).length, 1);
  assert.equal((svg.match(/class="timeline"/g) ?? []).length, 1);
  assert.match(svg, /tiny.valid.json · static allocator/);
  assert.match(svg, /6 tensors drawn, 0 aggregated/);
  // Standalone SVG: native tooltips name the tensor.
  assert.match(svg, /<title>a · activation · 8 B · steps 0–2 · op f1<\/title>/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("viz: --compare-allocator draws program order under it on the left, in one HTML file", async () => {
  const dir = await tempDir();
  const out = `${dir}/cmp.HTML`;
  const r = await runCli([
    "viz",
    TINY,
    "--plan",
    `${PLANS}/tiny.valid.json`,
    "--compare-allocator",
    "pytorch",
    "--output",
    out,
  ]);
  assert.equal(r.code, 0, r.stderr);
  const html = await Deno.readTextFile(out);
  assert.match(html, /^<!doctype html>/);
  assert.doesNotMatch(html, /\b(src|href)\s*=/i);
  const left = html.indexOf("program order · pytorch allocator");
  const right = html.indexOf("tiny.valid.json · static allocator");
  assert.ok(left > 0 && right > left, "baseline left, plan right");
  assert.equal((html.match(/<svg [^>]*class="memory-map" data-side="[01]"/g) ?? []).length, 2);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("viz: --compare with a second plan; a replay with violations still draws, exit 1", async () => {
  const dir = await tempDir();
  const out = `${dir}/cmp.svg`;
  const r = await runCli([
    "viz",
    TINY,
    "--plan",
    `${PLANS}/tiny.valid.json`,
    "--compare",
    `${PLANS}/tiny.overlap1.json`,
    "-o",
    out,
  ]);
  assert.equal(r.code, 1);
  assert.match(r.stderr, /violation/);
  const svg = await Deno.readTextFile(out);
  assert.match(svg, /tiny.overlap1.json · static allocator/);
  assert.match(svg, /INVALID: 1 violation/);
  assert.equal((svg.match(/class="memory-map"/g) ?? []).length, 2);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("viz: bad input and usage exit 2 with one message naming the problem", async () => {
  const dir = await tempDir();
  const cases: [string[], RegExp][] = [
    [["viz", TINY, "-o", `${dir}/x.png`], /-o\/--output: ".*x\.png" must end in \.svg or \.html/],
    [["viz", TINY], /required option '-o, --output <file>'/],
    [
      ["viz", TINY, "--allocator", "static", "-o", `${dir}/x.svg`],
      /--allocator: the static allocator needs a plan with offsets/,
    ],
    [
      ["viz", TINY, "--compare-allocator", "buddy", "-o", `${dir}/x.svg`],
      /--compare-allocator.*buddy/,
    ],
    [
      ["viz", TINY, "--max-tensors", "-3", "-o", `${dir}/x.svg`],
      /--max-tensors: "-3" is not a non-negative integer/,
    ],
    [
      ["viz", "testdata/bad/malformed.json", "-o", `${dir}/x.svg`],
      /malformed\.json.*malformed JSON/,
    ],
    [
      ["viz", TINY, "--compare", "testdata/bad/plan_unknown_op.json", "-o", `${dir}/x.svg`],
      /plan_unknown_op\.json.*unknown op/,
    ],
    [
      ["viz", TINY, "-o", `${dir}/no/such/dir/x.svg`],
      /x\.svg: cannot write: the folder .* does not exist/,
    ],
  ];
  for (const [args, message] of cases) {
    const r = await runCli(args);
    assert.equal(r.code, 2, `${args.join(" ")}: ${r.stderr}`);
    assert.match(r.stderr, message, args.join(" "));
    assert.doesNotMatch(r.stderr, /^\s+at /m, "no stack trace");
  }
  await Deno.remove(dir, { recursive: true });
});
