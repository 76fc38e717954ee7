import assert from "node:assert/strict";
import { commandOf, parseLimitRuns } from "./command_limits.ts";

Deno.test("command_limits: runs parsed, a malformed one named", () => {
  assert.deepEqual(parseLimitRuns("ilp:20000:2, plan:10:0.5"), [
    { kind: "ilp", size: 20000, limit: 2 },
    { kind: "plan", size: 10, limit: 0.5 },
  ]);
  assert.throws(() => parseLimitRuns("plan:10"), /"plan:10" is not kind:size:limit/);
  assert.throws(() => parseLimitRuns("stats:10:1"), /is not kind:size:limit/);
});

Deno.test("command_limits: each kind's command line", () => {
  const run = (kind: string) =>
    ({ kind, size: 10, limit: 3 }) as ReturnType<typeof parseLimitRuns>[0];
  assert.deepEqual(commandOf(run("plan"), "g.json", "o"), [
    "plan",
    "g.json",
    "--time-limit",
    "3",
    "--json",
    "-o",
    "o",
  ]);
  assert.deepEqual(commandOf(run("ilp"), "p.csv", "o").slice(0, 5), [
    "place",
    "p.csv",
    "--placer",
    "ilp",
    "--minimize",
  ]);
  assert.deepEqual(commandOf(run("budget-greedy-offload"), "g.json", "o", 99).slice(-4), [
    "--budget",
    "99",
    "--budget-planner",
    "greedy-offload",
  ]);
});

Deno.test("command_limits: the write step writes a graph and prints its program-order peak", async () => {
  const dir = await Deno.makeTempDir();
  try {
    const out = await new Deno.Command(Deno.execPath(), {
      args: ["run", "-A", "bench/command_limits.ts", "write", "graph", "200", "1", `${dir}/g.json`],
      stdout: "piped",
    }).output();
    assert.ok(out.success);
    const peak = Number(new TextDecoder().decode(out.stdout));
    assert.ok(Number.isSafeInteger(peak) && peak > 0, `${peak}`);
    assert.equal(JSON.parse(await Deno.readTextFile(`${dir}/g.json`)).tensors.length, 200);
  } finally {
    await Deno.remove(dir, { recursive: true });
  }
});
