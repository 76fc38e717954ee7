/**
 * `memplan simulate GRAPH [--plan PLAN]`: replay a step and report its memory.
 *
 * @module
 */
import { Command, Option } from "npm:@commander-js/extra-typings@15.1.0";
import { EXIT } from "../../pipeline/exit.ts";
import { replay } from "../../pipeline/replay.ts";
import { ALLOCATOR_NAMES } from "../../simulator/allocator.ts";
import { reportToJson } from "../../simulator/report_json.ts";
import { loadInputs } from "../inputs.ts";
import { formatReport } from "../print_report.ts";
import { printJson, runCommand } from "../run.ts";
import { optionalSize } from "../size.ts";

/**
 * The `simulate` command.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Command } from "npm:@commander-js/extra-typings@15.1.0";
 * const program = new Command("memplan").exitOverride().addCommand(simulateCommand());
 * await program.parseAsync(["simulate", "testdata/graphs/tiny.json", "--allocator", "pytorch"], { from: "user" });
 * assert.equal(Deno.exitCode, 0);
 * ```
 */
export function simulateCommand() {
  return new Command("simulate")
    .description(
      "Replay one training step under a plan (default: program order) and report peak live, arena, " +
        "fragmentation and where memory goes. Exit 0 when the replay found no violation, 1 otherwise.",
    )
    .argument("<graph>", "memplan.graph/v1 file (.json or .json.gz)")
    .option(
      "--plan <file>",
      "memplan.plan/v1 file; its order and, for the static allocator, its offsets",
    )
    .addOption(
      new Option(
        "--allocator <name>",
        "static: the plan's offsets; first-fit / best-fit: online allocators with coalescing; " +
          "pytorch: a model of PyTorch's CUDA caching allocator (reports reserved bytes). " +
          "Default: static when the plan has offsets, else best-fit",
      ).choices(ALLOCATOR_NAMES),
    )
    .option(
      "--capacity <size>",
      "check every offset + size against this capacity (default: the plan's)",
    )
    .option("--timeline", "with --json, include live and reserved bytes per step")
    .option("--json", "print the report as JSON")
    .action(async (graphFile, opts) => {
      Deno.exitCode = await runCommand(async () => {
        const { graph, resolved } = await loadInputs(graphFile, opts.plan);
        const report = replay(graph, {
          resolved,
          allocator: opts.allocator,
          planFile: opts.plan,
          capacity: optionalSize("--capacity", opts.capacity),
        });
        if (opts.json) printJson(reportToJson(report, { timeline: opts.timeline }));
        else console.log(formatReport(report));
        return report.ok ? EXIT.ok : EXIT.violations;
      });
    });
}
