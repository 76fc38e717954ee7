/**
 * `memplan convert GRAPH [--plan PLAN] --to minimalloc -o OUT.csv`.
 *
 * @module
 */
import { Command, Option } from "npm:@commander-js/extra-typings@15.1.0";
import { lifetimes, programOrder } from "../../graph/lifetimes.ts";
import { minimallocCsvOutput } from "../../graph/minimalloc_bytes.ts";
import { forEachOrderViolation } from "../../graph/order_check.ts";
import { placementProblem } from "../../graph/placement_problem.ts";
import { STDOUT, writeTextAtomic } from "../../graph/write_output.ts";
import { formatInt } from "../format.ts";
import { loadInputs } from "../inputs.ts";
import { EXIT } from "../../pipeline/exit.ts";
import { runCommand } from "../run.ts";

/**
 * The `convert` command.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Command } from "npm:@commander-js/extra-typings@15.1.0";
 * const dir = await Deno.makeTempDir();
 * const program = new Command("memplan").exitOverride().addCommand(convertCommand());
 * await program.parseAsync(["convert", "testdata/graphs/tiny.json", "--to", "minimalloc", "-o", `${dir}/tiny.csv`], { from: "user" });
 * assert.equal(Deno.exitCode, 0);
 * assert.match(await Deno.readTextFile(`${dir}/tiny.csv`), /^id,lower,upper,size\n/);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export function convertCommand() {
  return new Command("convert")
    .description(
      "Write the fixed-lifetime placement problem of a graph under an order (the plan's, else " +
        "program order) as minimalloc CSV: lower = first step, upper = last step + 1. With a plan " +
        "that has offsets, an offset column is added.",
    )
    .argument("<graph>", "memplan.graph/v1 file")
    .option("--plan <file>", "memplan.plan/v1 file giving the order (and offsets)")
    .addOption(
      new Option("--to <format>", "output format").choices(["minimalloc"] as const)
        .makeOptionMandatory(),
    )
    .requiredOption("-o, --output <file>", "CSV file to write; - for standard output")
    .option("--json", "print what was written as JSON")
    .action(async (graphFile, opts) => {
      Deno.exitCode = await runCommand(async () => {
        const { graph, resolved } = await loadInputs(graphFile, opts.plan);
        // An order that runs a reader before its producer has no well-defined lifetimes.
        if (resolved?.order && forEachOrderViolation(graph, resolved.order) > 0) {
          console.error(
            `memplan: ${opts.plan}: the order is not topological; run memplan verify for details`,
          );
          return EXIT.violations;
        }
        const lt = lifetimes(graph, resolved?.order ?? programOrder(graph));
        const problem = placementProblem(graph, lt);
        const offsets = resolved?.offsets
          ? Array.from(resolved.offsets, (o) => (Number.isNaN(o) ? 0 : o))
          : undefined;
        await writeTextAtomic(opts.output, minimallocCsvOutput(problem, offsets), {
          inputs: [graphFile, opts.plan],
        });
        const say = opts.output === STDOUT ? console.error : console.log;
        if (opts.json) {
          say(JSON.stringify(
            {
              graph: graph.name,
              inputs: [graphFile, ...(opts.plan ? [opts.plan] : [])],
              output: opts.output,
              format: opts.to,
              buffers: problem.buffers.length,
              offsets: offsets !== undefined,
            },
            null,
            2,
          ));
        } else if (opts.output !== STDOUT) {
          say(`wrote ${formatInt(problem.buffers.length)} buffers to ${opts.output}`);
        }
        return EXIT.ok;
      });
    });
}
