// The README's CI verification script, run exactly as written (only the path to
// mod.ts filled in) from a temporary folder outside the repository with
// `deno run -A script.ts` and nothing else: no import map, no --config.
import assert from "node:assert/strict";

const REPO = new URL(".", import.meta.url);
const PLACEHOLDER = "/path/to/memplan/mod.ts";

function readmeScript(): string {
  const readme = Deno.readTextFileSync(new URL("README.md", REPO));
  const section = readme.slice(readme.indexOf("### Verifying plans in CI"));
  const m = section.match(/```ts(?: ignore)?\n([\s\S]*?)```/);
  assert.ok(m, "README: no ts block under 'Verifying plans in CI'");
  assert.ok(m[1].includes(PLACEHOLDER));
  return m[1].replace(PLACEHOLDER, new URL("mod.ts", REPO).href);
}

async function run(dir: string, args: string[]) {
  const out = await new Deno.Command(Deno.execPath(), {
    args: ["run", "-A", "verify_plan.ts", ...args],
    cwd: dir,
    stdout: "piped",
    stderr: "piped",
    env: { NO_COLOR: "1" },
  }).output();
  const dec = new TextDecoder();
  return { code: out.code, stdout: dec.decode(out.stdout), stderr: dec.decode(out.stderr) };
}

Deno.test("README: the CI verification script runs from a folder outside the repository", async () => {
  const dir = await Deno.makeTempDir({ prefix: "memplan_user_" });
  try {
    assert.ok(!dir.startsWith(new URL(".", REPO).pathname));
    await Deno.writeTextFile(`${dir}/verify_plan.ts`, readmeScript());
    const data = new URL("testdata/", REPO).pathname;
    for (const f of ["graphs/tiny.json", "plans/tiny.valid.json", "plans/tiny.overlap1.json"]) {
      await Deno.copyFile(data + f, `${dir}/${f.split("/")[1]}`);
    }
    const valid = await run(dir, ["tiny.json", "tiny.valid.json"]);
    assert.equal(valid.code, 0, valid.stderr);
    assert.match(valid.stdout, /tiny\.valid\.json: valid; peak live \d+ bytes/);

    const bad = await run(dir, ["tiny.json", "tiny.overlap1.json"]);
    assert.equal(bad.code, 1, bad.stderr);
    assert.match(bad.stderr, /tiny\.overlap1\.json: INVALID: \d+ violation\(s\)\n {2}- \{/);

    await Deno.writeTextFile(`${dir}/other.json`, '{"format":"memplan.plan/v1","order":["x"]}');
    const other = await run(dir, ["tiny.json", "other.json"]);
    assert.equal(other.code, 2, other.stderr);
    assert.match(other.stderr, /other\.json/);
    assert.doesNotMatch(other.stderr, /at .*\.ts:\d+/, "no stack trace");
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
