/**
 * Runs the CLI in-process for tests, capturing what it prints.
 *
 * @module
 */
import { main } from "./main.ts";

/** What one CLI run printed and returned. */
export interface CliRun {
  code: number;
  stdout: string;
  stderr: string;
}

/**
 * Runs `memplan …args` in this process and captures stdout and stderr.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const { code, stdout } = await runCli(["stats", "testdata/graphs/tiny.json"]);
 * assert.equal(code, 0);
 * assert.match(stdout, /tiny/);
 * ```
 */
export async function runCli(args: string[]): Promise<CliRun> {
  const out: string[] = [], err: string[] = [];
  const log = console.log, error = console.error;
  const writeOut = Deno.stdout.writeSync, writeErr = Deno.stderr.writeSync;
  console.log = (...a: unknown[]) => out.push(a.map(String).join(" "));
  console.error = (...a: unknown[]) => err.push(a.map(String).join(" "));
  // commander writes help and its errors straight to the streams.
  const dec = new TextDecoder();
  Deno.stdout.writeSync = (b: Uint8Array) => (out.push(dec.decode(b)), b.length);
  Deno.stderr.writeSync = (b: Uint8Array) => (err.push(dec.decode(b)), b.length);
  const pw = process.stdout.write, pe = process.stderr.write;
  process.stdout.write = ((s: string | Uint8Array) => (out.push(String(s)), true)) as typeof pw;
  process.stderr.write = ((s: string | Uint8Array) => (err.push(String(s)), true)) as typeof pe;
  try {
    const code = await main(args);
    return { code, stdout: out.join("\n"), stderr: err.join("\n") };
  } finally {
    console.log = log;
    console.error = error;
    Deno.stdout.writeSync = writeOut;
    Deno.stderr.writeSync = writeErr;
    process.stdout.write = pw;
    process.stderr.write = pe;
    Deno.exitCode = 0;
  }
}
