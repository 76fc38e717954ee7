/**
 * Property 6's verdict on one CLI run: bad input is a clear message and exit
 * 2; a file the corruption left valid exits 0 or 1; never exit 70 (a bug in
 * memplan) and never a stack trace.
 *
 * @module
 */
import assert from "node:assert/strict";
import type { CliRun } from "../cli/_run_cli_test_util.ts";

/**
 * Asserts `run` ended cleanly: its code is one of `allowed`, nothing looks
 * like a stack trace or an internal error, and an exit 2 names a file.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const path = "g.json";
 * assertCleanExit({ code: 2, stdout: "", stderr: `memplan: ${path}: malformed JSON\n` }, [0, 2], [path]);
 * assert.throws(() => assertCleanExit({ code: 1, stdout: "", stderr: "boom\n" }, [0, 2], [path]));
 * ```
 */
export function assertCleanExit(run: CliRun, allowed: readonly number[], files: string[]): void {
  const context = `exit ${run.code}\nstderr: ${run.stderr.slice(0, 2000)}`;
  assert.ok(allowed.includes(run.code), `exit code not in ${allowed.join("/")}: ${context}`);
  assert.ok(!/^\s+at .+:\d+:\d+\)?$/m.test(run.stderr), `stack trace on stderr: ${context}`);
  assert.ok(!run.stderr.includes("internal error"), `internal error: ${context}`);
  if (run.code === 2) {
    assert.ok(run.stderr.startsWith("memplan: "), `exit 2 without a memplan: message: ${context}`);
    assert.ok(files.some((f) => run.stderr.includes(f)), `exit 2 names no input file: ${context}`);
  }
}
