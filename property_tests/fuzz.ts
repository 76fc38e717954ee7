/**
 * Runs the property suite long, with random seeds: each round draws a seed,
 * prints it, and runs `deno test -A property_tests/` with many more runs per
 * property, until a round fails or the time is up. A failure prints the
 * replay command of its counterexample (seed and path).
 *
 * ```sh
 * deno run -A property_tests/fuzz.ts                     # one round, 5000 runs per property
 * deno run -A property_tests/fuzz.ts --runs 2000 --minutes 60
 * ```
 *
 * @module
 */
import { parseArgs } from "node:util";

/** Options of {@linkcode fuzz}. */
export interface FuzzOptions {
  /** Runs of a standard property per round (MEMPLAN_FC_RUNS). */
  runs: number;
  /** Keep starting rounds until this many minutes have passed; 0: one round. */
  minutes: number;
  /** Extra arguments for `deno test` (e.g. `--filter P4`). */
  testArgs?: string[];
}

/**
 * Runs rounds until one fails or time is up; resolves to the exit code (0: all passed).
 *
 * @example
 * ```ts
 * // Only defined here, not called: a round runs the whole property suite with
 * // 5000 runs per property, which takes minutes.
 * const main = async () => Deno.exit(await fuzz({ runs: 5000, minutes: 0 }));
 * ```
 */
export async function fuzz(options: FuzzOptions): Promise<number> {
  const until = Date.now() + options.minutes * 60_000;
  const root = new URL("..", import.meta.url);
  for (let round = 1;; round++) {
    const seed = Math.floor(Math.random() * 2 ** 31);
    console.log(`fuzz round ${round}: MEMPLAN_FC_SEED=${seed} MEMPLAN_FC_RUNS=${options.runs}`);
    const status = await new Deno.Command(Deno.execPath(), {
      args: ["test", "-A", "property_tests/", ...(options.testArgs ?? [])],
      cwd: root,
      env: { MEMPLAN_FC_SEED: String(seed), MEMPLAN_FC_RUNS: String(options.runs) },
      stdout: "inherit",
      stderr: "inherit",
    }).spawn().status;
    if (!status.success) {
      console.log(`fuzz round ${round} failed (seed ${seed}); replay lines are printed above`);
      return status.code || 1;
    }
    if (Date.now() >= until) return 0;
  }
}

if (import.meta.main) {
  const { values, positionals } = parseArgs({
    args: Deno.args,
    options: {
      runs: { type: "string", default: "5000" },
      minutes: { type: "string", default: "0" },
    },
    allowPositionals: true,
  });
  const runs = Number(values.runs), minutes = Number(values.minutes);
  if (!Number.isSafeInteger(runs) || runs < 1 || !(minutes >= 0)) {
    console.error("usage: fuzz.ts [--runs N] [--minutes M] [-- deno test args]");
    Deno.exit(2);
  }
  Deno.exit(await fuzz({ runs, minutes, testArgs: positionals }));
}
