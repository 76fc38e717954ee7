/**
 * The `memplan` program with every command registered (cli/main.ts is the
 * entry point: it builds this, or only the command asked for).
 *
 * @module
 */
import type { CommandUnknownOpts } from "npm:@commander-js/extra-typings@15.1.0";
import { programWith } from "./program_base.ts";

/**
 * Every command, each loaded with its modules only when asked for: start-up
 * counts against `place` and `plan`'s `--time-limit`, and a CI script
 * verifying a plan waits for it too; loading every command's modules
 * (charts, the budget planners, …) took 0.1 s more than loading one
 * (cli/main.ts loads the one named). In the order `--help` lists them.
 */
export const COMMANDS: Readonly<Record<string, () => Promise<CommandUnknownOpts>>> = {
  stats: async () => (await import("./commands/stats.ts")).statsCommand(),
  simulate: async () => (await import("./commands/simulate.ts")).simulateCommand(),
  verify: async () => (await import("./commands/verify.ts")).verifyCommand(),
  convert: async () => (await import("./commands/convert.ts")).convertCommand(),
  plan: async () => (await import("./commands/plan.ts")).planCommand(),
  place: async () => (await import("./commands/place.ts")).placeCommand(),
  demo: async () => (await import("./commands/demo.ts")).demoCommand(),
  viz: async () => (await import("./commands/viz.ts")).vizCommand(),
  bench: async () => (await import("./commands/bench.ts")).benchCommand(),
  pareto: async () => (await import("./budget/pareto_command.ts")).paretoCommand(),
};

/**
 * Builds the program with every command registered.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const program = await buildProgram();
 * await program.parseAsync(["stats", "testdata/graphs/tiny.json"], { from: "user" });
 * assert.equal(Deno.exitCode, 0); // commands set the exit code, they never exit
 * ```
 */
export async function buildProgram() {
  return programWith(await Promise.all(Object.values(COMMANDS).map((load) => load())));
}
