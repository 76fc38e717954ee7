/**
 * The `memplan` program without its commands: name, description, version,
 * and the conventions every command shares. cli/program.ts adds every
 * command; cli/main.ts may add only the one asked for.
 *
 * @module
 */
import { Command, type CommandUnknownOpts } from "npm:@commander-js/extra-typings@15.1.0";

/**
 * The program with `commands` registered, each with the shared conventions.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Command, type CommandUnknownOpts } from "npm:@commander-js/extra-typings@15.1.0";
 * const program = programWith([new Command("hello").option("--times <n>", "how often", "3")]);
 * assert.equal(program.commands[0].options[0].defaultValueDescription, "3");
 * ```
 */
export function programWith(commands: CommandUnknownOpts[]) {
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
  for (const c of commands) program.addCommand(c.exitOverride());
  conventions(program);
  return program;
}

/**
 * One style on the program and every subcommand (addCommand does not pass
 * settings down): commander's usage errors as `memplan: command line: …`, and
 * numeric defaults shown as numbers (`(default: 30)`, not `(default: "30")`).
 */
function conventions(command: CommandUnknownOpts): void {
  command.configureOutput({
    outputError: (text, write) => write(text.replace(/^error: /, "memplan: command line: ")),
  });
  for (const o of command.options) {
    const value = o.defaultValue;
    if (typeof value === "string" && /^\d+(\.\d+)?$/.test(value) && !o.defaultValueDescription) {
      o.defaultValueDescription = value;
    }
  }
  for (const c of command.commands) conventions(c);
}
