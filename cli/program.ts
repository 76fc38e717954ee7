/**
 * The `memplan` program with every command registered (cli/main.ts is the
 * entry point: it builds this, or only the command asked for).
 *
 * @module
 */
import { benchCommand } from "./commands/bench.ts";
import { convertCommand } from "./commands/convert.ts";
import { demoCommand } from "./commands/demo.ts";
import { placeCommand } from "./commands/place.ts";
import { planCommand } from "./commands/plan.ts";
import { simulateCommand } from "./commands/simulate.ts";
import { statsCommand } from "./commands/stats.ts";
import { verifyCommand } from "./commands/verify.ts";
import { vizCommand } from "./commands/viz.ts";
import { paretoCommand } from "./budget/pareto_command.ts";
import { programWith } from "./program_base.ts";

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
  return programWith([
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
  ]);
}
