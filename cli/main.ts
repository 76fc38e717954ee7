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
import { buildProgram, COMMANDS } from "./program.ts";
import { programWith } from "./program_base.ts";

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
  return Object.hasOwn(COMMANDS, name) ? await COMMANDS[name]() : undefined;
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
  const program = alone ? programWith([alone]) : await buildProgram();
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
