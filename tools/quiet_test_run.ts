/**
 * `deno task test`: runs `deno test` with the dot reporter and prints only what
 * a reader needs — failures, skip reasons, warnings and the totals line —
 * without the one-line-per-test dots Deno writes when the output is not a
 * terminal. Extra arguments go to `deno test` (e.g. a folder to run).
 *
 * Test modules run in parallel, one worker per core (`DENO_JOBS` overrides):
 * Deno starts a fresh isolate for each module, a quarter of a second of CPU
 * even for an empty one, and the workers share that out. No test may share a
 * fixed path, change the process's working folder or environment, or rely on
 * another module's side effects for this reason.
 *
 * Doc examples are not run with `deno test --doc`, which would make each of
 * the ~570 examples a module of its own (most of the suite's time): the test
 * module `tools/doc_examples_test.ts` finds the same examples and runs them
 * all in its one isolate, one test each, named `file#lines` as Deno names
 * them. `deno task check` type-checks them (`deno check --doc`). So a folder
 * given runs that folder's test files only; its examples run with
 * `deno task test tools/doc_examples_test.ts --filter graph/` (for graph/).
 *
 * @module
 */

/**
 * True for a line that holds only the dot reporter's progress marks (and colour codes).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(isProgressLine("..!."), true);
 * assert.equal(isProgressLine("\x1b[32m.\x1b[0m"), true);
 * assert.equal(isProgressLine("ok | 3 passed | 0 failed"), false);
 * ```
 */
export function isProgressLine(line: string): boolean {
  // deno-lint-ignore no-control-regex
  const plain = line.replace(/\x1b\[[0-9;]*m/g, "").trim();
  return plain !== "" && /^[.,!]+$/.test(plain);
}

/**
 * Copies `input` to `output` line by line, dropping progress lines; returns
 * how many were dropped.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const text = ".\n.\nFAILED | 1 passed | 1 failed\n";
 * const chunks: Uint8Array[] = [];
 * const dropped = await filterProgress(
 *   ReadableStream.from([new TextEncoder().encode(text)]),
 *   new WritableStream({ write: (c) => void chunks.push(c) }),
 * );
 * assert.equal(dropped, 2);
 * ```
 */
export async function filterProgress(
  input: ReadableStream<Uint8Array>,
  output: WritableStream<Uint8Array>,
): Promise<number> {
  const writer = output.getWriter(), encoder = new TextEncoder();
  let dropped = 0, rest = "";
  const emit = async (line: string) => {
    if (isProgressLine(line)) dropped++;
    else await writer.write(encoder.encode(line + "\n"));
  };
  for await (const text of input.pipeThrough(new TextDecoderStream())) {
    const lines = (rest + text).split("\n");
    rest = lines.pop()!;
    for (const line of lines) await emit(line);
  }
  if (rest) await emit(rest);
  writer.releaseLock();
  return dropped;
}

if (import.meta.main) {
  const child = new Deno.Command(Deno.execPath(), {
    args: ["test", "-A", "--quiet", "--parallel", "--reporter=dot", ...Deno.args],
    stdout: "piped",
    stderr: "piped",
  }).spawn();
  await Promise.all([
    filterProgress(child.stdout, Deno.stdout.writable),
    filterProgress(child.stderr, Deno.stderr.writable),
  ]);
  Deno.exit((await child.status).code);
}
