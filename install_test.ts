// `deno task install` puts a working `memplan` command in the install root, and
// it runs from any folder (no start-up time is asserted: see the README).
import assert from "node:assert/strict";
import { dirname } from "node:path";

const REPO = new URL(".", import.meta.url).pathname;

Deno.test("install: deno task install writes a memplan command that works from any folder", async () => {
  const root = await Deno.makeTempDir({ prefix: "memplan_install_" });
  const elsewhere = await Deno.makeTempDir({ prefix: "memplan_cwd_" });
  try {
    const env = {
      DENO_INSTALL_ROOT: root,
      NO_COLOR: "1",
      PATH: `${dirname(Deno.execPath())}:${Deno.env.get("PATH") ?? ""}`,
    };
    const install = await new Deno.Command(Deno.execPath(), {
      args: ["task", "install"],
      cwd: REPO,
      env,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.ok(install.success, new TextDecoder().decode(install.stderr));
    const memplan = `${root}/bin/memplan`;
    assert.ok(Deno.statSync(memplan).isFile);

    const help = await new Deno.Command(memplan, {
      args: ["--help"],
      cwd: elsewhere,
      env,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(help.code, 0, new TextDecoder().decode(help.stderr));
    assert.match(new TextDecoder().decode(help.stdout), /Usage: memplan/);

    await Deno.copyFile(`${REPO}testdata/graphs/tiny.json`, `${elsewhere}/tiny.json`);
    const stats = await new Deno.Command(memplan, {
      args: ["stats", "tiny.json", "--json"],
      cwd: elsewhere,
      env,
      stdout: "piped",
      stderr: "piped",
    }).output();
    assert.equal(stats.code, 0, new TextDecoder().decode(stats.stderr));
    assert.equal(JSON.parse(new TextDecoder().decode(stats.stdout)).graph, "tiny");
  } finally {
    await Deno.remove(root, { recursive: true });
    await Deno.remove(elsewhere, { recursive: true });
  }
});
