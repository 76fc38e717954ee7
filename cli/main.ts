/**
 * The `memplan` command line: wiring only; every command calls the library.
 *
 * Run it with `deno run -A cli/main.ts <command> …`; `--help` on any command
 * explains its options and exit codes.
 *
 * @module
 */
import { Command, CommanderError } from "npm:@commander-js/extra-typings@15.1.0";
import { benchCommand } from "./commands/bench.ts";
import { convertCommand } from "./commands/convert.ts";
import { demoCommand } from "./commands/demo.ts";
import { placeCommand } from "./commands/place.ts";
import { planCommand } from "./commands/plan.ts";
import { simulateCommand } from "./commands/simulate.ts";
import { statsCommand } from "./commands/stats.ts";
import { verifyCommand } from "./commands/verify.ts";
import { vizCommand } from "./commands/viz.ts";
import { EXIT } from "../pipeline/exit.ts";
import { paretoCommand } from "./budget/pareto_command.ts";

/**
 * Builds the program with every command registered.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * await buildProgram().parseAsync(["stats", "testdata/graphs/tiny.json"], { from: "user" });
 * assert.equal(Deno.exitCode, 0); // commands set the exit code, they never exit
 * ```
 */
export function buildProgram() {
  const program = new Command("memplan")
    .description(
      "Plan, verify and measure the memory of one neural-network training step. Formats: " +
        "memplan.graph/v1, memplan.plan/v1 and minimalloc CSV (see docs/FORMAT.md).\n\n" +
        "Exit codes: 0 ok; 1 the plan has violations; 2 bad input or usage; 3 no plan or " +
        "placement within the capacity (impossible, or not found in time).",
    )
    .version("0.1.0")
    .showHelpAfterError("(run with --help for usage)")
    .exitOverride();
  for (
    const c of [
      statsCommand(),
      simulateCommand(),
      verifyCommand(),
      convertCommand(),
      planCommand(),
      placeCommand(),
      demoCommand(),
      vizCommand(),
      benchCommand(),
      paretoCommand(),
    ]
  ) {
    program.addCommand(c.exitOverride());
  }
  conventions(program);
  return program;
}

/**
 * One style on the program and every subcommand (addCommand does not pass
 * settings down): commander's usage errors as `memplan: command line: …`, and
 * numeric defaults shown as numbers (`(default: 30)`, not `(default: "30")`).
 */
function conventions(command: Command): void {
  command.configureOutput({
    outputError: (text, write) => write(text.replace(/^error: /, "memplan: command line: ")),
  });
  for (const o of command.options) {
    const value = o.defaultValue;
    if (typeof value === "string" && /^\d+(\.\d+)?$/.test(value) && !o.defaultValueDescription) {
      o.defaultValueDescription = value;
    }
  }
  for (const c of command.commands) conventions(c as Command);
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
  try {
    await buildProgram().parseAsync(args, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) {
      // Help and version are successful exits; every other parse error is bad usage.
      return e.exitCode === 0 ? EXIT.ok : EXIT.badInput;
    }
    throw e;
  }
  return Deno.exitCode;
}

if (import.meta.main) Deno.exit(await main(Deno.args));
