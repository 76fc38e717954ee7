/**
 * The arguments and the printout of `memplan bench`.
 *
 * @module
 */
import { InputError } from "../graph/input_error.ts";
import { failureText } from "../bench/failure.ts";
import type { BenchOutcome } from "../bench/run_bench.ts";
import {
  type BenchInput,
  defaultInputs,
  pathInputs,
  randomInputs,
  verifySpeedInput,
} from "../bench/inputs.ts";
import type { Shard } from "../bench/shard.ts";
import { parseByteCount } from "./run.ts";

/** Where results go by default. */
export const DEFAULT_OUT = "bench/results";

/**
 * The inputs a `bench` call asks for: its paths, `--verify-speed`, `--random`,
 * else the default suites.
 *
 * @example
 * ```ts
 * await benchInputs(["testdata/graphs"], { seed: 1 });
 * ```
 */
export async function benchInputs(
  paths: string[],
  opts: { seed: number; quick?: boolean; random?: string; verifySpeed?: string },
): Promise<BenchInput[]> {
  const inputs: BenchInput[] = [...await pathInputs(paths)];
  if (opts.verifySpeed !== undefined) {
    inputs.push(verifySpeedInput(parseSize("--verify-speed", opts.verifySpeed), opts.seed));
  }
  if (opts.random !== undefined) {
    inputs.push(...randomInputs(parseSizes("--random", opts.random), opts.seed));
  }
  if (inputs.length === 0) {
    inputs.push(...await defaultInputs({ quick: opts.quick, seed: opts.seed }));
  }
  return inputs;
}

/**
 * The output folder when `--out` is not given.
 *
 * @example
 * ```ts
 * defaultOut({ quick: true }); // "bench/results/quick"
 * ```
 */
export function defaultOut(opts: { shard?: Shard; quick?: boolean }): string {
  return opts.shard
    ? `${DEFAULT_OUT}/shard-${opts.shard.index}-of-${opts.shard.count}`
    : opts.quick
    ? `${DEFAULT_OUT}/quick`
    : DEFAULT_OUT;
}

/**
 * Prints what a benchmark did: counts, files written, failures.
 *
 * @example
 * ```ts
 * printOutcome({ exitCode: 0, ran: [], skipped: 0, failed: [], rows: [], files: [] });
 * ```
 */
export function printOutcome(o: BenchOutcome): void {
  console.log(
    `${o.ran.length} runs done, ${o.skipped} already done (resumed), ${o.failed.length} failed; ` +
      `${o.rows.length} runs in the results`,
  );
  for (const f of o.files) console.log(`wrote ${f}`);
  if (o.failed.length) {
    console.error(`memplan bench: ${o.failed.length} runs FAILED verification:`);
    for (const r of o.failed) console.error(`  ${failureText(r)}`);
  }
}

/**
 * The arguments as typed: commander keeps them as `rawArgs`, which its typings omit.
 *
 * @example
 * ```ts
 * rawArgs({ parent: { rawArgs: ["bench", "--quick"] } }); // ["bench", "--quick"]
 * ```
 */
export function rawArgs(command: { parent: unknown }): string[] {
  return (command.parent as { rawArgs?: string[] } | null)?.rawArgs ?? ["bench"];
}

/**
 * A comma-separated list of names; undefined when absent.
 *
 * @example
 * ```ts
 * parseNames("greedy, best"); // ["greedy", "best"]
 * ```
 */
export function parseNames(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  return text.split(",").map((s) => s.trim()).filter((s) => s.length > 0);
}

/**
 * A tensor count of a random training graph (at least 13).
 *
 * @example
 * ```ts
 * parseSize("--random", "1000"); // 1000
 * ```
 */
export function parseSize(option: string, text: string): number {
  const n = parseByteCount(option, text);
  if (n < 13) {
    throw new InputError([{
      file: "command line",
      where: option,
      message: `${n} tensors are too few for a training graph (at least 13)`,
    }]);
  }
  return n;
}

/**
 * Comma-separated tensor counts.
 *
 * @example
 * ```ts
 * parseSizes("--random", "100,1000"); // [100, 1000]
 * ```
 */
export function parseSizes(option: string, text: string): number[] {
  return text.split(",").map((s) => s.trim()).filter(Boolean).map((s) => parseSize(option, s));
}
