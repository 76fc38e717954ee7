import assert from "node:assert/strict";
import { benchArgs } from "./args.ts";

const options = {
  family: { type: "string" as const, default: "slack" },
  alignment: { type: "string" as const },
};

Deno.test("benchArgs: defaults, given values, help and bad options", () => {
  assert.deepEqual(benchArgs([], options, "u"), { values: { family: "slack" } });
  assert.deepEqual(benchArgs(["--alignment", "4"], options, "u"), {
    values: { family: "slack", alignment: "4" },
  });
  const said: string[] = [];
  assert.deepEqual(benchArgs(["--bogus"], options, "usage: b", (l) => said.push(l)), { exit: 2 });
  assert.match(said[0], /bogus/);
  assert.match(said[0], /usage: b/);
  assert.deepEqual(benchArgs(["stray"], options, "u", () => {}), { exit: 2 });
  assert.deepEqual(benchArgs(["--family"], options, "u", () => {}), { exit: 2 });
});

Deno.test("the placement benches print usage on --help and exit 2 on an unknown option", async () => {
  const scripts = [
    "bench/placement_minimize.ts",
    "bench/placement_exact.ts",
    "bench/placement_large.ts",
  ];
  for (const script of scripts) {
    const run = (arg: string) =>
      new Deno.Command(Deno.execPath(), {
        args: ["run", "-A", script, arg],
        stdout: "piped",
        stderr: "piped",
      })
        .output();
    const help = await run("--help");
    assert.equal(help.code, 0, script);
    assert.match(new TextDecoder().decode(help.stdout), /usage/i);
    const bad = await run("--no-such-option");
    assert.equal(bad.code, 2, script);
    assert.match(new TextDecoder().decode(bad.stderr), /no-such-option/);
  }
});
