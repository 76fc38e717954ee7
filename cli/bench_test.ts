import assert from "node:assert/strict";
import { join } from "node:path";
import { benchTasks } from "../bench/matrix.ts";
import { pathInputs } from "../bench/inputs.ts";
import type { BenchRow } from "../bench/record.ts";
import { readResults } from "../bench/results_file.ts";
import { runBench } from "../bench/run_bench.ts";
import { parseShard } from "../bench/shard.ts";
import { PLACERS, SCHEDULERS } from "../solver/registry.ts";
import type { Placer } from "../solver/types.ts";
import { runCli } from "./_run_cli_test_util.ts";

const EXAMPLE_CSV = "testdata/minimalloc/example.12.csv";

/** A folder with tiny.json and a copy of the minimalloc example (capacity 12 in its name). */
async function inputFolder(): Promise<string> {
  const dir = await Deno.makeTempDir({ prefix: "memplan-bench-test-" });
  await Deno.copyFile("testdata/graphs/tiny.json", join(dir, "tiny.json"));
  await Deno.writeTextFile(join(dir, "example.12.csv"), await Deno.readTextFile(EXAMPLE_CSV));
  return dir;
}

async function bench(args: string[]) {
  return await runCli(["bench", ...args, "--time-limit", "2", "--progress", "lines"]);
}

const rowsOf = (dir: string) => readResults(join(dir, "results.jsonl"));
const keysOf = (rows: BenchRow[]) => new Set(rows.map((r) => r.key));
const count = (text: string, re: RegExp) => (text.match(re) ?? []).length;

/** What the registry-driven matrix should produce for the two inputs. */
async function expectedKeys(dir: string): Promise<Set<string>> {
  const inputs = await pathInputs([dir]);
  const tasks = inputs.flatMap((input) =>
    benchTasks(input, {
      schedulers: Object.keys(SCHEDULERS),
      placers: Object.keys(PLACERS),
      timeLimit: 2,
      seed: 1,
    })
  );
  return new Set(tasks.map((t) => t.key));
}

Deno.test("bench: every run verified, results, summaries and charts written; resume adds nothing", async () => {
  const dir = await inputFolder(), out = join(dir, "out");
  const r = await bench([dir, "--out", out]);
  assert.equal(r.code, 0, r.stderr);
  const rows = await rowsOf(out);
  assert.deepEqual(keysOf(rows), await expectedKeys(dir));
  assert.equal(rows.length, keysOf(rows).size);
  for (const row of rows) {
    assert.equal(row.verified, true, row.key);
    for (const f of ["planner", "status", "peakLive", "arena", "fragmentation", "lowerBound"]) {
      assert.ok(f in row, `${row.key} lacks ${f}`);
    }
    assert.ok(row.seconds >= 0 && row.peakRssMiB > 0 && row.verifySeconds! >= 0);
  }
  const graph = rows.filter((x) => x.kind === "graph"), csv = rows.filter((x) => x.kind === "csv");
  assert.deepEqual(
    graph.filter((x) => x.placer === undefined).map((x) => x.allocator),
    ["pytorch", "best-fit"],
  );
  for (const x of graph) {
    assert.equal(x.programOrderPeak, 22);
    assert.equal(x.lowerBound, 22);
    assert.ok(x.reductionArena !== undefined && x.reductionPeakLive !== undefined);
  }
  assert.ok(csv.length > 0 && csv.every((x) => x.capacity === 12 && x.lowerBound === 12));

  const md = await Deno.readTextFile(join(out, "summary.md"));
  for (const x of rows) assert.ok(md.includes(`| ${x.planner} `), x.planner);
  const csvText = (await Deno.readTextFile(join(out, "summary.csv"))).trim().split("\n");
  assert.match(csvText[0], /^suite,input,name,kind,size/);
  assert.equal(csvText.length, rows.length + 1);

  const svg = (name: string) => Deno.readTextFile(join(out, name));
  for (const name of ["peak.svg", "solve_time.svg", "fragmentation.svg"]) {
    const text = (await svg(name)).trim();
    assert.ok(text.startsWith("<svg") && text.endsWith("</svg>"), name);
  }
  const bars = /aria-roledescription="bar"/g;
  assert.equal(count(await svg("peak.svg"), bars), graph.length);
  assert.equal(count(await svg("fragmentation.svg"), bars), graph.length + csv.length);
  assert.equal(
    count(await svg("solve_time.svg"), /aria-roledescription="point"/g),
    graph.filter((x) => x.placer !== undefined).length,
  );

  const again = await bench([dir, "--out", out]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stdout, /^0 runs done, \d+ already done/m);
  assert.equal((await rowsOf(out)).length, rows.length);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("bench: shards 1/2 and 2/2 partition the runs; merge joins them and drops duplicates", async () => {
  const dir = await inputFolder();
  const [a, b, all] = ["s1", "s2", "all"].map((s) => join(dir, s));
  assert.equal((await bench([dir, "--shard", "1/2", "--out", a])).code, 0);
  assert.equal((await bench([dir, "--shard", "2/2", "--out", b])).code, 0);
  const ka = keysOf(await rowsOf(a)), kb = keysOf(await rowsOf(b));
  const expected = await expectedKeys(dir);
  assert.equal([...ka].filter((k) => kb.has(k)).length, 0);
  assert.deepEqual(new Set([...ka, ...kb]), expected);

  // Shard 1 twice: its rows are duplicates, and must appear once.
  const m = await runCli(["bench", "merge", a, join(b, "results.jsonl"), a, "--out", all]);
  assert.equal(m.code, 0, m.stderr);
  const merged = await rowsOf(all);
  assert.equal(merged.length, expected.size);
  assert.deepEqual(keysOf(merged), expected);
  assert.match(m.stdout, new RegExp(`merged ${2 * ka.size + kb.size} rows`));
  assert.ok((await Deno.stat(join(all, "summary.md"))).isFile);

  assert.throws(() => parseShard("3/2"));
  assert.equal((await runCli(["bench", dir, "--shard", "0/2", "--out", all])).code, 2);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("bench: a planner that overlaps buffers is a failed verification and a non-zero exit", async () => {
  const dir = await inputFolder(), out = join(dir, "out");
  const broken: Placer = {
    name: "broken",
    description: "puts every buffer at offset 0",
    place: (problem) =>
      Promise.resolve({
        offsets: new Float64Array(problem.buffers.length),
        arena: Math.max(...problem.buffers.map((b) => b.size)),
        status: "feasible",
        seconds: 0,
      }),
  };
  const errors: string[] = [];
  const error = console.error, log = console.log;
  console.error = (...a: unknown[]) => errors.push(a.join(" "));
  console.log = () => {};
  let outcome;
  try {
    outcome = await runBench({
      inputs: await pathInputs([dir]),
      out,
      timeLimit: 2,
      placers: ["broken", "greedy-size"],
      planners: { placers: { broken, "greedy-size": PLACERS["greedy-size"] } },
      progress: "lines",
    });
  } finally {
    console.error = error;
    console.log = log;
  }
  assert.equal(outcome.exitCode, 1);
  const failed = (await rowsOf(out)).filter((r) => !r.verified);
  assert.ok(failed.length > 0);
  assert.ok(failed.every((r) => r.placer === "broken" && r.violation?.kind === "overlap"));
  assert.ok(failed.some((r) => r.kind === "csv") && failed.some((r) => r.kind === "graph"));
  assert.equal(outcome.failed.length, failed.length);
  // Not a terminal here, so the line is plain (red only on a terminal).
  const loud = errors.filter((e) => /^FAILED \S*broken on /.test(e));
  assert.equal(loud.length, failed.length);
  assert.match(await Deno.readTextFile(join(out, "summary.md")), /## FAILED/);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("bench: unknown planner names and missing paths are bad input (exit 2)", async () => {
  assert.equal((await runCli(["bench", "no/such/folder"])).code, 2);
  const dir = await inputFolder();
  const r = await runCli(["bench", dir, "--placers", "nope", "--out", join(dir, "o")]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /unknown "nope"; valid: /);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("bench: resuming after a kill that tore the last line repairs the file and reruns that row", async () => {
  const dir = await inputFolder(), out = join(dir, "out");
  const csv = join(dir, "example.12.csv");
  await Deno.remove(join(dir, "tiny.json"));
  const first = await bench([csv, "--out", out, "--placers", "greedy-size,first-fit"]);
  assert.equal(first.code, 0, first.stderr);
  const file = join(out, "results.jsonl");
  const whole = await Deno.readTextFile(file);
  const lines = whole.trimEnd().split("\n");
  assert.equal(lines.length, 2);
  const torn = JSON.parse(lines[1]).key;
  // The kill: the last row is cut in the middle, without its line end.
  await Deno.writeTextFile(file, lines[0] + "\n" + lines[1].slice(0, lines[1].length >> 1));

  const again = await bench([csv, "--out", out, "--placers", "greedy-size,first-fit"]);
  assert.equal(again.code, 0, again.stderr);
  assert.match(again.stderr, /line 2: not a complete result row; removed, its run is done again/);
  assert.match(again.stdout, /^1 runs done, 1 already done/m);
  const rows = await rowsOf(out);
  assert.deepEqual(rows.map((r) => r.key).sort(), [JSON.parse(lines[0]).key, torn].sort());
  assert.ok((await Deno.readTextFile(file)).endsWith("\n"));

  // Repaired once: a third run neither warns nor reruns anything.
  const third = await bench([csv, "--out", out, "--placers", "greedy-size,first-fit"]);
  assert.equal(third.code, 0, third.stderr);
  assert.doesNotMatch(third.stderr, /not a (complete )?result row/);
  assert.match(third.stdout, /^0 runs done, 2 already done/m);
  await Deno.remove(dir, { recursive: true });
});
