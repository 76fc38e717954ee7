// One command-line style throughout (issue 15, point 4): --json everywhere with
// fractions, one verify JSON shape, sizes with units, -o -, plan without -o,
// help text, defaults, error style, impossible capacities, names from files.
import assert from "node:assert/strict";
import { join } from "node:path";
import { runCli } from "./_run_cli_test_util.ts";
import { buildProgram } from "./program.ts";

const TINY = "testdata/graphs/tiny.json";
const VALID = "testdata/plans/tiny.valid.json";
const EXAMPLE = "testdata/minimalloc/example.12.csv";
const FAST = ["--scheduler", "program", "--placer", "greedy-size"];

function keysDeep(v: unknown, out: string[] = []): string[] {
  if (Array.isArray(v)) { for (const x of v) keysDeep(x, out); }
  else if (v && typeof v === "object") {
    for (const [k, x] of Object.entries(v)) (out.push(k), keysDeep(x, out));
  }
  return out;
}

async function json(args: string[], codes = [0]): Promise<Record<string, unknown>> {
  const r = await runCli(args);
  assert.ok(codes.includes(r.code), `${args.join(" ")}: exit ${r.code}: ${r.stderr}`);
  const value = JSON.parse(r.stdout);
  const percent = keysDeep(value).filter((k) => /percent/i.test(k));
  assert.deepEqual(percent, [], `${args[0]}: ratios in JSON are fractions`);
  return value;
}

Deno.test("conventions: --json on every command, ratios as fractions", async () => {
  const dir = await Deno.makeTempDir();
  try {
    await json(["stats", TINY, "--json"]);
    await json(["simulate", TINY, "--json"]);
    await json(["verify", TINY, VALID, "--json"]);
    await json(["convert", TINY, "--to", "minimalloc", "-o", join(dir, "p.csv"), "--json"]);
    const plan = await json(["plan", TINY, ...FAST, "-o", join(dir, "p.json"), "--json"]);
    assert.equal(plan.orderGapFraction, 0);
    assert.equal(typeof plan.arenaVsProgramOrderPeak, "number");
    const sol = join(dir, "sol.csv");
    await json(["place", EXAMPLE, "--placer", "greedy-size", "-o", sol, "--json"]);
    await json(["verify", sol, "--json"]);
    const viz = await json(["viz", TINY, "-o", join(dir, "v.svg"), "--json"]);
    assert.equal(viz.sides, 1);
    const demo = await json([
      "demo",
      "--graph",
      TINY,
      "--time-limit",
      "5",
      "-o",
      join(dir, "d.json"),
      "--json",
    ]);
    assert.equal((demo.rows as unknown[]).length, 3);
    const inputs = join(dir, "in");
    await Deno.mkdir(inputs);
    await Deno.copyFile(TINY, join(inputs, "tiny.json"));
    const bench = await json([
      "bench",
      inputs,
      "--out",
      join(dir, "b"),
      "--schedulers",
      "program",
      "--placers",
      "greedy-size",
      "--time-limit",
      "2",
      "--progress",
      "none",
      "--json",
    ]);
    assert.ok((bench.ran as number) > 0);
    const merged = await json([
      "bench",
      "merge",
      join(dir, "b"),
      "--out",
      join(dir, "m"),
      "--json",
    ]);
    assert.equal(merged.runs, bench.rows);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("conventions: verify prints one JSON shape for a graph and plan or a CSV", async () => {
  const dir = await Deno.makeTempDir();
  const sol = join(dir, "sol.csv");
  await runCli(["place", EXAMPLE, "--placer", "greedy-size", "-o", sol]);
  const graph = await json(["verify", TINY, VALID, "--json"]);
  const csv = await json(["verify", sol, "--json"]);
  const common = [
    "inputs",
    "ok",
    "violationCount",
    "violationsByKind",
    "violations",
    "peakLive",
    "arena",
    "fragmentation",
    "capacity",
  ];
  assert.deepEqual(Object.keys(graph).slice(0, common.length), common);
  assert.deepEqual(Object.keys(csv).slice(0, common.length), common);
  assert.deepEqual(graph.inputs, [TINY, VALID]);
  assert.deepEqual(csv.inputs, [sol]);
  // No per-tensor or per-step arrays: at a million tensors they were 100 MB of
  // JSON (typed arrays written as objects of indices).
  for (const bulky of ["offsets", "lifetimes", "timeline"]) assert.equal(bulky in graph, false);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("conventions: sizes accept units", async () => {
  const ok = await json(["plan", TINY, ...FAST, "--capacity", "1KiB", "--json"]);
  assert.equal(ok.capacity, 1024);
  const over = await json(["verify", TINY, VALID, "--capacity", "0.01kB", "--json"], [1]);
  assert.equal(over.capacity, 10);
  const bad = await runCli(["plan", TINY, ...FAST, "--capacity", "12 apples"]);
  assert.equal(bad.code, 2);
  assert.match(bad.stderr, /^memplan: command line: --capacity: "12 apples" is not a size/m);
});

Deno.test("conventions: -o - writes the text to standard output; plan without -o writes nothing", async () => {
  const plan = await runCli(["plan", TINY, ...FAST, "-o", "-"]);
  assert.equal(plan.code, 0, plan.stderr);
  assert.equal(JSON.parse(plan.stdout).format, "memplan.plan/v1");
  assert.match(plan.stderr, /planned peak live/);
  const csv = await runCli(["convert", TINY, "--to", "minimalloc", "-o", "-"]);
  assert.match(csv.stdout, /^id,lower,upper,size\n/);
  const placed = await runCli(["place", EXAMPLE, "--placer", "greedy-size", "-o", "-"]);
  assert.match(placed.stdout, /^id,lower,upper,size,offset\n/);
  const demo = await runCli(["demo", "--graph", TINY, "--time-limit", "5", "-o", "-"]);
  assert.equal(JSON.parse(demo.stdout).format, "memplan.plan/v1");
  assert.match(demo.stderr, /planned order \+ planned offsets/);
  const svg = await runCli(["viz", TINY, "-o", "-"]);
  assert.match(svg.stdout.trim(), /^<svg[\s\S]*<\/svg>$/);

  // In a process of its own: the working folder is the whole process's, and
  // `deno test --parallel` runs other modules' tests in this one meanwhile.
  const dir = await Deno.makeTempDir();
  try {
    const repo = new URL("..", import.meta.url).pathname;
    const r = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "--config", join(repo, "deno.json"), join(repo, "cli/main.ts")]
        .concat(["plan", join(repo, TINY), ...FAST]),
      cwd: dir,
      stdout: "piped",
      stderr: "piped",
    }).output();
    const stdout = new TextDecoder().decode(r.stdout);
    assert.equal(r.code, 0, new TextDecoder().decode(r.stderr));
    assert.match(stdout, /planned peak live/);
    assert.doesNotMatch(stdout, /wrote/);
    assert.deepEqual([...Deno.readDirSync(dir)], []);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});

Deno.test("conventions: help text is not hard-wrapped, numeric defaults are numbers, viz --cap is gone", async () => {
  const program = await buildProgram();
  const commands = [program, ...program.commands];
  for (const c of commands) {
    const all = [c, ...c.commands];
    for (const x of all) {
      assert.doesNotMatch(x.description(), /[^\n]\n[^\n]/, `${x.name()}: hard-wrapped description`);
      for (const o of x.options) {
        assert.doesNotMatch(o.description, /\n/, `${x.name()} ${o.flags}`);
      }
    }
  }
  for (const name of ["plan", "place", "demo", "bench", "viz"]) {
    const help = (await runCli([name, "--help"])).stdout;
    assert.doesNotMatch(help, /default: "\d+"/, name);
  }
  assert.match((await runCli(["plan", "--help"])).stdout, /\(default: 30\)/);
  assert.match((await runCli(["viz", "--help"])).stdout, /--max-tensors <n>/);
  const cap = await runCli(["viz", TINY, "--cap", "10", "-o", "/tmp/never.svg"]);
  assert.equal(cap.code, 2);
  assert.match(cap.stderr, /^memplan: command line: unknown option '--cap'/m);
});

Deno.test("conventions: one error style, never '::'", async () => {
  const cases = [
    ["stats", "testdata/bad/no_such_file.json"],
    ["verify", TINY, "testdata/bad/plan_unknown_op.json"],
    ["plan", TINY, "--bogus"],
    ["stats"],
  ];
  for (const args of cases) {
    const r = await runCli(args);
    assert.equal(r.code, 2, args.join(" "));
    assert.match(r.stderr, /^memplan: [^:]+: /, args.join(" "));
    assert.doesNotMatch(r.stderr, /::|^error:/m, args.join(" "));
  }
});

Deno.test("conventions: a capacity below a proved bound is impossible (exit 3), not 'not found in time'", async () => {
  const plan = await runCli(["plan", TINY, ...FAST, "--capacity", "21"]);
  assert.equal(plan.code, 3);
  assert.match(plan.stderr, /capacity 21 is impossible: below the lower bound 22 of any plan/);
  assert.doesNotMatch(plan.stderr, /in time/);
  const place = await runCli(["place", EXAMPLE, "--capacity", "11", "-o", "-"]);
  assert.equal(place.code, 3);
  assert.match(
    place.stderr,
    /capacity 11 is impossible: below the lower bound 12 of any placement/,
  );
});

Deno.test("conventions: place reads a capacity from a MiniMalloc file name only when asked, and says so", async () => {
  // With -o -, the CSV is on standard output and the JSON summary beside it.
  const plain = await runCli(["place", EXAMPLE, "--placer", "greedy-size", "-o", "-", "--json"]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(JSON.parse(plain.stderr).capacity, undefined);
  const asked = await runCli([
    "place",
    EXAMPLE,
    "--placer",
    "greedy-size",
    "--capacity-from-name",
    "-o",
    "-",
  ]);
  assert.equal(asked.code, 0, asked.stderr);
  assert.match(asked.stderr, /capacity 12 from the file name/);
  const none = await runCli([
    "place",
    TINY.replace(".json", ".csv"),
    "--capacity-from-name",
    "-o",
    "-",
  ]);
  assert.equal(none.code, 2);
  assert.match(none.stderr, /carries no capacity/);
});
