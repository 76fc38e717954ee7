/**
 * The `memplan` command line: wiring only; every command calls the library.
 *
 * Run it with `deno run -A cli/main.ts <command> …`; `--help` on any command
 * explains its options and exit codes.
 *
 * @module
 */
import { CommanderError, type CommandUnknownOpts } from "npm:@commander-js/extra-typings@15.1.0";
import { EXIT } from "../pipeline/exit.ts";
import { keepScratch } from "../graph/scratch.ts";

/**
 * Every command is loaded alone when it is the one asked for: start-up counts
 * against `place` and `plan`'s `--time-limit`, and a CI script verifying a
 * plan waits for it too; loading every command's modules (charts, the budget
 * planners, …) took 0.1 s more than loading one. The program's own help and
 * version, and anything misspelt, load them all (cli/program.ts).
 */
const ALONE: Record<string, () => Promise<CommandUnknownOpts>> = {
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
 * The command named `name`, its modules loaded alone; undefined for any
 * other word.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal((await commandAlone("verify"))?.name(), "verify");
 * assert.equal(await commandAlone("--help"), undefined);
 * ```
 */
export async function commandAlone(name: string): Promise<CommandUnknownOpts | undefined> {
  return Object.hasOwn(ALONE, name) ? await ALONE[name]() : undefined;
}

/**
 * Parses `args` and runs the command; resolves to the exit code.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * // cli/main.ts run as a program does Deno.exit(await main(Deno.args))
 * assert.equal(await main(["--version"]), 0);
 * assert.equal(await main(["stats", "testdata/graphs/tiny.json"]), 0);
 * ```
 */
export async function main(args: string[]): Promise<number> {
  Deno.exitCode = 0;
  const alone = await commandAlone(args[0]);
  const program = alone
    ? (await import("./program_base.ts")).programWith([alone])
    : (await import("./program.ts")).buildProgram();
  try {
    await program.parseAsync(args, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successful exits; every other parse error is bad usage.
      return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    throw e;
  }
  return Deno.exitCode;
}

if (import.meta.main) {
  // One command, run once: its steps reuse each other's scratch pages.
  keepScratch(true);
  Deno.exit(await main(Deno.args));
}
