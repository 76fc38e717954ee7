/**
 * Command-line options of the placement benchmarks: `--help` prints the usage
 * and exits 0, an unknown or malformed option is one clear message and exit 2.
 *
 * @module
 */
import { parseArgs } from "node:util";

/** Option specs as `node:util` parseArgs takes them, string-valued only. */
export type StringOptions = Record<string, { type: "string"; default?: string }>;

/** Parsed values, or the exit code when the run should stop here. */
export type BenchArgs<O extends StringOptions> =
  | { values: { [K in keyof O]: O[K]["default"] extends string ? string : string | undefined } }
  | { exit: 0 | 2 };

/**
 * Parses `args` against `options`; `usage` is printed for `--help`/`-h`
 * (standard output, exit 0) and after a bad option (standard error, exit 2).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const options = { seeds: { type: "string" as const, default: "1-20" } };
 * const ok = benchArgs(["--seeds", "1-3"], options, "usage: x");
 * assert.deepEqual(ok, { values: { seeds: "1-3" } });
 * assert.deepEqual(benchArgs(["--nope"], options, "usage: x", () => {}), { exit: 2 });
 * ```
 */
export function benchArgs<O extends StringOptions>(
  args: string[],
  options: O,
  usage: string,
  say: (line: string) => void = console.error,
): BenchArgs<O> {
  if (args.includes("--help") || args.includes("-h")) {
    console.log(usage);
    return { exit: 0 };
  }
  try {
    const { values } = parseArgs({ args, options, strict: true, allowPositionals: false });
    return { values: { ...values } as never };
  } catch (e) {
    say(`${(e as Error).message}\n${usage}`);
    return { exit: 2 };
  }
}
