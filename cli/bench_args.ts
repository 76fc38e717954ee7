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
import { formatInt } from "./format.ts";
import { parseByteCount } from "./run.ts";

/** Where results go by default. */
export const DEFAULT_OUT = "bench/results";

/**
 * The inputs a `bench` call asks for: its paths, `--verify-speed`, `--random`,
 * else the default suites.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const inputs = await benchInputs(["testdata/graphs"], { seed: 1 });
 * assert.ok(inputs.every((i) => i.suite === "paths" && i.kind === "graph"));
 * const defaults = await benchInputs([], { seed: 1, quick: true }); // no paths: the default suites
 * assert.ok(defaults.some((i) => i.suite === "minimalloc"));
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
 * import assert from "node:assert/strict";
 * assert.equal(defaultOut({ quick: true }), "bench/results/quick");
 * assert.equal(defaultOut({ shard: { index: 2, count: 4 } }), "bench/results/shard-2-of-4");
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
 * import { pathInputs } from "../bench/inputs.ts";
 * import { runBench } from "../bench/run_bench.ts";
 * const out = await Deno.makeTempDir();
 * const options = {
 *   inputs: await pathInputs(["testdata/graphs/tiny.json"]),
 *   out,
 *   schedulers: ["greedy"],
 *   placers: ["greedy-size"],
 *   progress: "none" as const,
 * };
 * printOutcome(await runBench(options)); // "3 runs done, 0 already done (resumed), 0 failed; …"
 * await Deno.remove(out, { recursive: true });
 * ```
 */
export function printOutcome(o: BenchOutcome, options: { json?: boolean } = {}): void {
  if (options.json) {
    console.log(JSON.stringify(
      {
        ran: o.ran.length,
        skipped: o.skipped,
        failed: o.failed.map((r) => ({ key: r.key, failure: failureText(r) })),
        rows: o.rows.length,
        files: o.files,
        exitCode: o.exitCode,
      },
      null,
      2,
    ));
    return;
  }
  console.log(
    `${formatInt(o.ran.length)} runs done, ${formatInt(o.skipped)} already done (resumed), ` +
      `${formatInt(o.failed.length)} failed; ${formatInt(o.rows.length)} runs in the results`,
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
 * import assert from "node:assert/strict";
 * // a command's parent holds the arguments as typed
 * assert.deepEqual(rawArgs({ parent: { rawArgs: ["bench", "--quick"] } }), ["bench", "--quick"]);
 * assert.deepEqual(rawArgs({ parent: null }), ["bench"]);
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
 * import assert from "node:assert/strict";
 * assert.deepEqual(parseNames("greedy, best"), ["greedy", "best"]);
 * assert.equal(parseNames(undefined), undefined);
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
 * import assert from "node:assert/strict";
 * assert.equal(parseSize("--random", "1000"), 1000);
 * assert.throws(() => parseSize("--random", "12")); // too few tensors for a training graph
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
 * import assert from "node:assert/strict";
 * assert.deepEqual(parseSizes("--random", "100,1000"), [100, 1000]);
 * ```
 */
export function parseSizes(option: string, text: string): number[] {
  return text.split(",").map((s) => s.trim()).filter(Boolean).map((s) => parseSize(option, s));
}
