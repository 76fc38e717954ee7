import assert from "node:assert/strict";
import { summarizeNodes } from "./placement_nodes.ts";

Deno.test("summarizeNodes: counts the found, and a capped instance counts with its nodes", () => {
  assert.equal(
    summarizeNodes([
      { name: "a", outcome: "found", nodes: 10, runs: 1 },
      { name: "b", outcome: "infeasible", nodes: 1000, runs: 2 },
    ]),
    "found 1 of 2; geometric mean 100 nodes",
  );
  assert.equal(summarizeNodes([]), "found 0 of 0; geometric mean 0 nodes");
});

Deno.test("placement_nodes: --help exits 0, a bad option exits 2 with the usage", async () => {
  const run = (args: string[]) =>
    new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", new URL("./placement_nodes.ts", import.meta.url).pathname, ...args],
      stdout: "piped",
      stderr: "piped",
    }).output();
  const help = await run(["--help"]);
  assert.equal(help.code, 0);
  assert.match(new TextDecoder().decode(help.stdout), /--node-cap/);
  const bad = await run(["--node-cap", "0"]);
  assert.equal(bad.code, 2);
  assert.match(new TextDecoder().decode(bad.stderr), /--node-cap must be a positive integer/);
});
