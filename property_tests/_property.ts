/**
 * Registers a fast-check property as a Deno test whose failure says how to
 * replay it: the seed, the counterexample path, and the one command that runs
 * just that counterexample again.
 *
 * @module
 */
import fc from "npm:fast-check@4.10.2";
import { RUN_CONFIG, type RunConfig, scaledRuns, STANDARD_RUNS } from "./_config.ts";

/** Options of {@linkcode propertyTest}. */
export interface PropertyTestOptions {
  /** Runs at the standard count (scaled by `MEMPLAN_FC_RUNS`). */
  runs: number;
  /** When set, the test is registered as ignored, and its name says why. */
  skipReason?: string;
  /**
   * A bug this property finds in code outside the suite, not yet fixed: the
   * test is ignored unless `MEMPLAN_FC_KNOWN_BUGS=1`, and its name says so.
   */
  knownBug?: string;
  /**
   * Wall-clock seconds after which no further run starts (the runs done so
   * far count, and a warning says how many). A guard for planners that spend
   * their whole time limit on every call, applied only when fuzzing with more
   * runs than the standard count; default none.
   */
  timeCap?: number;
}

/** Any property fast-check can check. */
// deno-lint-ignore no-explicit-any
export type AnyProperty = fc.IAsyncProperty<any> | fc.IProperty<any>;

/**
 * The shell command that replays one failure of the test named `name`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(
 *   replayCommand("P4 overlap", 42, "3:1:0"),
 *   "MEMPLAN_FC_SEED=42 MEMPLAN_FC_PATH=3:1:0 deno test -A property_tests/ --filter 'P4 overlap'",
 * );
 * ```
 */
export function replayCommand(
  name: string,
  seed: number,
  path: string | null,
  extraEnv = "",
): string {
  const pathPart = path === null ? "" : `MEMPLAN_FC_PATH=${path} `;
  const quoted = `'${name.replaceAll("'", `'\\''`)}'`;
  return `${extraEnv}MEMPLAN_FC_SEED=${seed} ${pathPart}deno test -A property_tests/ --filter ${quoted}`;
}

/**
 * Checks `property` with the configured seed, path and runs; throws an Error
 * holding fast-check's report and the replay command when it fails.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import fc from "npm:fast-check@4.10.2";
 * await checkProperty("sum is commutative", fc.property(fc.nat(), fc.nat(), (a, b) => a + b === b + a), 100);
 * await assert.rejects(checkProperty("sum is odd", fc.property(fc.nat(), (a) => a % 2 === 1), 100));
 * ```
 */
export async function checkProperty(
  name: string,
  property: AnyProperty,
  runs: number,
  options: { config?: RunConfig; extraEnv?: string; timeCap?: number } = {},
): Promise<void> {
  const config = options.config ?? RUN_CONFIG;
  const numRuns = scaledRuns(runs, config);
  // The cap only bounds fuzzing (more runs than standard, proportionally more
  // time). At the standard count every run is made, so whether a test passes
  // never depends on how fast the machine is.
  const timeCap = options.timeCap === undefined || config.standardRuns <= STANDARD_RUNS
    ? undefined
    : options.timeCap * config.standardRuns / STANDARD_RUNS;
  const details = await fc.check(property, {
    seed: config.seed,
    path: config.path,
    numRuns,
    ...(timeCap === undefined ? {} : {
      interruptAfterTimeLimit: timeCap * 1000,
      markInterruptAsFailure: false,
    }),
  });
  if (details.interrupted && !details.failed) {
    console.warn(
      `${name}: time cap of ${timeCap} s reached after ${details.numRuns} of ${numRuns} runs`,
    );
  }
  if (!details.failed) return;
  const report = (await fc.asyncDefaultReportMessage(details)) ?? "property failed";
  const error = "errorInstance" in details && details.errorInstance !== undefined
    ? `\n\nThe property threw: ${describeError(details.errorInstance)}`
    : "";
  throw new Error(
    `${report}${error}\n\nReplay this counterexample with:\n  ${
      replayCommand(
        name,
        details.seed,
        details.counterexamplePath,
        (options.extraEnv ?? "") +
          (config.standardRuns === STANDARD_RUNS ? "" : `MEMPLAN_FC_RUNS=${config.standardRuns} `),
      )
    }`,
  );
}

function describeError(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/**
 * Registers `Deno.test(name)` checking the property built by `build` (built
 * lazily, so a skipped test builds nothing).
 *
 * @example
 * ```ts
 * import fc from "npm:fast-check@4.10.2";
 * // At the top level of a *_test.ts file. Here only defined, not called: a doc
 * // example runs inside a Deno.test, and Deno.test calls cannot nest.
 * const register = () =>
 *   propertyTest("P0 addition commutes", { runs: 100 }, () =>
 *     fc.property(fc.nat(), fc.nat(), (a, b) => a + b === b + a));
 * ```
 */
export function propertyTest(
  name: string,
  options: PropertyTestOptions,
  build: () => AnyProperty,
): void {
  if (options.skipReason !== undefined) {
    Deno.test({ name: `${name} (skipped: ${options.skipReason})`, ignore: true, fn: () => {} });
    return;
  }
  if (options.knownBug !== undefined && Deno.env.get("MEMPLAN_FC_KNOWN_BUGS") !== "1") {
    Deno.test({
      name: `${name} (known bug: ${options.knownBug}; run with MEMPLAN_FC_KNOWN_BUGS=1)`,
      ignore: true,
      fn: () => {},
    });
    return;
  }
  const extraEnv = options.knownBug === undefined ? "" : "MEMPLAN_FC_KNOWN_BUGS=1 ";
  Deno.test(
    name,
    () => checkProperty(name, build(), options.runs, { extraEnv, timeCap: options.timeCap }),
  );
}
