// Output paths on the command line: a missing folder or an input named as the
// output is bad usage (exit 2, one message), and the input is left untouched.
import assert from "node:assert/strict";
import { join } from "node:path";
import { runCli } from "./_run_cli_test_util.ts";

Deno.test("cli output: -o into a missing folder exits 2 with a message, not 70", async () => {
  const dir = await Deno.makeTempDir();
  const out = join(dir, "missing", "plan.json");
  for (
    const args of [
      ["plan", "testdata/graphs/tiny.json", "--scheduler", "program", "--placer", "greedy-size"],
      ["convert", "testdata/graphs/tiny.json", "--to", "minimalloc"],
      ["viz", "testdata/graphs/tiny.json"],
    ]
  ) {
    const r = await runCli([...args, "-o", args[0] === "viz" ? out.replace(".json", ".svg") : out]);
    assert.equal(r.code, 2, `${args[0]}: ${r.stderr}`);
    assert.match(r.stderr, /^memplan: .*: cannot write: the folder .*missing does not exist$/m);
    assert.doesNotMatch(r.stderr, /internal error|::/);
  }
  assert.deepEqual([...Deno.readDirSync(dir)], []);
  await Deno.remove(dir, { recursive: true });
});

Deno.test("cli output: -o naming an input is refused and the input is untouched", async () => {
  const dir = await Deno.makeTempDir();
  const graph = join(dir, "tiny.json"), csv = join(dir, "example.12.csv");
  await Deno.copyFile("testdata/graphs/tiny.json", graph);
  await Deno.copyFile("testdata/minimalloc/example.12.csv", csv);
  const before = await Deno.readTextFile(graph), beforeCsv = await Deno.readTextFile(csv);
  for (
    const args of [
      ["plan", graph, "--scheduler", "program", "--placer", "greedy-size", "-o", graph],
      ["convert", graph, "--to", "minimalloc", "-o", graph],
      ["place", csv, "--placer", "greedy-size", "--capacity", "12", "-o", csv],
    ]
  ) {
    const r = await runCli(args);
    assert.equal(r.code, 2, `${args[0]}: ${r.stderr}`);
    assert.match(r.stderr, /is also an input of this command/);
  }
  assert.equal(await Deno.readTextFile(graph), before);
  assert.equal(await Deno.readTextFile(csv), beforeCsv);
  await Deno.remove(dir, { recursive: true });
});
