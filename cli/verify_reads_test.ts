import assert from "node:assert/strict";
import { Command } from "npm:@commander-js/extra-typings@15.1.0";
import { verifyCommand } from "./commands/verify.ts";

Deno.test("verify: a plan file is read once (a million offsets took 1.8 s to parse)", async () => {
  const plan = "testdata/plans/tiny.valid.json";
  const reads: string[] = [];
  const readTextFile = Deno.readTextFile;
  const readFile = Deno.readFile;
  const log = console.log;
  try {
    Deno.readTextFile = ((path: string | URL, ...rest: unknown[]) => {
      reads.push(String(path));
      return (readTextFile as (...a: unknown[]) => Promise<string>)(path, ...rest);
    }) as typeof Deno.readTextFile;
    Deno.readFile = ((path: string | URL, ...rest: unknown[]) => {
      reads.push(String(path));
      return (readFile as (...a: unknown[]) => Promise<Uint8Array>)(path, ...rest);
    }) as typeof Deno.readFile;
    console.log = () => {};
    const program = new Command("memplan").exitOverride().addCommand(verifyCommand());
    await program.parseAsync(["verify", "testdata/graphs/tiny.json", plan, "--json"], {
      from: "user",
    });
  } finally {
    Deno.readTextFile = readTextFile;
    Deno.readFile = readFile;
    console.log = log;
  }
  assert.equal(Deno.exitCode, 0);
  assert.equal(reads.filter((p) => p === plan).length, 1, reads.join(", "));
});
