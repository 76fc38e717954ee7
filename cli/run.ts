/**
 * Exit codes and error reporting shared by every command: bad input is one
 * clear message and exit 2, never a stack trace.
 *
 * @module
 */
import { InputError } from "../graph/input_error.ts";
import { EXIT } from "../pipeline/exit.ts";

/**
 * Runs a command body and turns its outcome into an exit code: the number it
 * returns, 2 for InputError (message on stderr), 70 for anything else.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { InputError } from "../graph/input_error.ts";
 * import { EXIT } from "../pipeline/exit.ts";
 * assert.equal(await runCommand(() => EXIT.ok), 0);
 * // bad input is a message on stderr and exit 2, not a stack trace
 * const bad = () => {
 *   throw new InputError([{ file: "g.json", where: "ops[0]", message: "unknown tensor" }]);
 * };
 * assert.equal(await runCommand(bad), EXIT.badInput);
 * ```
 */
export async function runCommand(body: () => Promise<number> | number): Promise<number> {
  try {
    return await body();
  } catch (e) {
    if (e instanceof InputError) {
      console.error(`memplan: ${e.message.replaceAll("\n", "\nmemplan: ")}`);
      return EXIT.badInput;
    }
    const err = e as Error;
    console.error(`memplan: internal error: ${err?.message ?? String(e)}`);
    if (Deno.env.get("MEMPLAN_DEBUG")) console.error(err?.stack);
    return EXIT.internal;
  }
}

/**
 * Parses a non-negative integer option (bytes, counts), throwing InputError on
 * anything else so it exits 2 with the option's name.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(parseByteCount("--capacity", "1048576"), 1048576);
 * assert.throws(() => parseByteCount("--capacity", "1.5"));
 * ```
 */
export function parseByteCount(option: string, value: string): number {
  const v = /^\d+$/.test(value.trim()) ? Number(value) : NaN;
  if (!Number.isSafeInteger(v)) {
    throw new InputError([{
      file: "command line",
      where: option,
      message: `${JSON.stringify(value)} is not a non-negative integer`,
    }]);
  }
  return v;
}

/**
 * Parses an optional non-negative integer option: undefined when absent.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(optionalByteCount("--capacity", undefined), undefined);
 * assert.equal(optionalByteCount("--capacity", "64"), 64);
 * ```
 */
export function optionalByteCount(option: string, value: string | undefined): number | undefined {
  return value === undefined ? undefined : parseByteCount(option, value);
}

/**
 * Parses a positive number of seconds, or `none` for no limit (`Infinity`: a
 * planner then stops only when it is done), throwing InputError otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(parseSeconds("--time-limit", "2.5"), 2.5);
 * assert.equal(parseSeconds("--time-limit", "none"), Infinity);
 * ```
 */
export function parseSeconds(option: string, value: string): number {
  if (value === "none") return Infinity;
  const v = Number(value);
  if (!(v > 0) || !Number.isFinite(v)) {
    throw new InputError([{
      file: "command line",
      where: option,
      message: `${JSON.stringify(value)} is not a positive number of seconds, nor "none"`,
    }]);
  }
  return v;
}

/**
 * Writes a JSON value to stdout (the `--json` form of every command).
 *
 * @example
 * ```ts
 * printJson({ ok: true }); // {\n  "ok": true\n}
 * ```
 */
export function printJson(value: unknown): void {
  console.log(JSON.stringify(value, null, 2));
}
