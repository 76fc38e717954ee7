/**
 * Seed, replay path and run counts of the property suite, read from the
 * environment so a counterexample replays with one command:
 *
 * - `MEMPLAN_FC_SEED`: the seed (an integer, or `random`); default a fixed
 *   seed, so CI runs the same cases every time.
 * - `MEMPLAN_FC_PATH`: fast-check's counterexample path, to replay one failure
 *   (use it with `--filter` naming the one property it belongs to).
 * - `MEMPLAN_FC_RUNS`: runs of a standard property (default 100); properties
 *   that run fewer (slow planners) scale in proportion.
 *
 * @module
 */

/** The seed CI runs when `MEMPLAN_FC_SEED` is absent. */
export const DEFAULT_SEED = 6006;

/** Runs of a standard property when `MEMPLAN_FC_RUNS` is absent. */
export const STANDARD_RUNS = 100;

/** What the environment asked for. */
export interface RunConfig {
  seed: number;
  /** True when `MEMPLAN_FC_SEED=random` drew the seed. */
  randomSeed: boolean;
  path?: string;
  /** Runs of a standard property. */
  standardRuns: number;
}

/**
 * Reads the run configuration from an environment lookup (default `Deno.env`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(readRunConfig((k) => ({ MEMPLAN_FC_SEED: "7" } as Record<string, string>)[k]).seed, 7);
 * ```
 */
export function readRunConfig(
  env: (key: string) => string | undefined = (k) => Deno.env.get(k),
): RunConfig {
  const rawSeed = env("MEMPLAN_FC_SEED")?.trim();
  const randomSeed = rawSeed === "random";
  let seed = DEFAULT_SEED;
  if (randomSeed) seed = (Date.now() ^ Math.floor(Math.random() * 2 ** 31)) | 0;
  else if (rawSeed) seed = integerOrThrow("MEMPLAN_FC_SEED", rawSeed);
  const rawRuns = env("MEMPLAN_FC_RUNS")?.trim();
  const standardRuns = rawRuns ? integerOrThrow("MEMPLAN_FC_RUNS", rawRuns) : STANDARD_RUNS;
  if (standardRuns < 1) throw new Error(`MEMPLAN_FC_RUNS must be at least 1, got ${rawRuns}`);
  const path = env("MEMPLAN_FC_PATH")?.trim() || undefined;
  return { seed, randomSeed, path, standardRuns };
}

function integerOrThrow(name: string, raw: string): number {
  const v = Number(raw);
  if (!Number.isSafeInteger(v)) throw new Error(`${name} must be an integer, got ${raw}`);
  return v;
}

/** The configuration of this process, read once. */
export const RUN_CONFIG: RunConfig = readRunConfig();

if (RUN_CONFIG.randomSeed) {
  // A random seed is worthless unless it is seen; failures print it as well.
  console.log(`property tests: MEMPLAN_FC_SEED=${RUN_CONFIG.seed} (drawn at random)`);
}

/**
 * Runs for a property whose default is `base` at the standard count: `base`
 * scaled by `MEMPLAN_FC_RUNS / 100`, at least 1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const config = (runs: number) => ({ seed: 1, randomSeed: false, standardRuns: runs });
 * assert.equal(scaledRuns(20, config(100)), 20); // the standard count
 * assert.equal(scaledRuns(20, config(5000)), 1000); // MEMPLAN_FC_RUNS=5000
 * ```
 */
export function scaledRuns(base: number, config: RunConfig = RUN_CONFIG): number {
  return Math.max(1, Math.round(base * config.standardRuns / STANDARD_RUNS));
}
