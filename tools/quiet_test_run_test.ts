import assert from "node:assert/strict";
import { join } from "node:path";
import { isProgressLine } from "./quiet_test_run.ts";

Deno.test("isProgressLine: dots, commas and bangs (coloured or not) only", () => {
  assert.ok(isProgressLine("."));
  assert.ok(isProgressLine("\x1b[0m\x1b[38;5;245m.\x1b[0m"));
  assert.ok(isProgressLine(",!."));
  assert.ok(!isProgressLine(""));
  assert.ok(!isProgressLine("ok | 3 passed | 0 failed"));
  assert.ok(!isProgressLine("torch absent: skipped. ."));
});

Deno.test("deno task test prints failures and totals, no line per test", async () => {
  const dir = await Deno.makeTempDir({ prefix: "memplan-quiet-" });
  try {
    await Deno.writeTextFile(
      join(dir, "a_test.ts"),
      'Deno.test("passes", () => {});\n' +
        'Deno.test("also passes", () => {});\n' +
        'Deno.test("fails", () => { throw new Error("boom"); });\n',
    );
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", new URL("quiet_test_run.ts", import.meta.url).pathname, dir],
      env: { NO_COLOR: "1" },
    }).output();
    const text = new TextDecoder().decode(out.stdout) + new TextDecoder().decode(out.stderr);
    assert.equal(out.code, 1);
    assert.match(text, /boom/);
    assert.match(text, /FAILED \| 2 passed \| 1 failed/);
    assert.ok(!text.split("\n").some(isProgressLine), text);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
