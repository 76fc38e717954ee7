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
 * Commands loaded alone when they are the one asked for: start-up counts
 * against `place --time-limit`, and loading every command's modules (charts,
 * the budget planners, …) costs a few dozen milliseconds more than loading one.
 */
const ALONE: Record<string, () => Promise<CommandUnknownOpts>> = {
  place: async () => (await import("./commands/place.ts")).placeCommand(),
};

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
  const alone = ALONE[args[0]];
  const program = alone
    ? (await import("./program_base.ts")).programWith([await alone()])
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
