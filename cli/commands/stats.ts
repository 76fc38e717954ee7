/**
 * `memplan stats GRAPH`: what a graph holds and its program-order peak.
 *
 * @module
 */
import { Command } from "npm:@commander-js/extra-typings@15.1.0";
import { loadGraph } from "../../graph/load.ts";
import { EXIT } from "../../pipeline/exit.ts";
import { graphStats } from "../../pipeline/graph_stats.ts";
import { formatStats } from "../print_stats.ts";
import { printJson, runCommand } from "../run.ts";

/**
 * The `stats` command.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Command } from "npm:@commander-js/extra-typings@15.1.0";
 * const program = new Command("memplan").exitOverride().addCommand(statsCommand());
 * await program.parseAsync(["stats", "testdata/graphs/tiny.json", "--json"], { from: "user" });
 * assert.equal(Deno.exitCode, 0);
 * ```
 */
export function statsCommand() {
  return new Command("stats")
    .description("Summarise a graph: ops, tensors, bytes by kind, and its program-order peak.")
    .argument("<graph>", "memplan.graph/v1 file (.json or .json.gz)")
    .option("--json", "print JSON instead of tables")
    .action(async (file, opts) => {
      Deno.exitCode = await runCommand(async () => {
        const s = graphStats(await loadGraph(file));
        if (opts.json) printJson(s);
        else console.log(formatStats(s));
        return EXIT.ok;
      });
    });
}
