/**
 * `memplan simulate GRAPH [--plan PLAN]`: replay a step and report its memory.
 *
 * @module
 */
import { Command, Option } from "@commander-js/extra-typings";
import { EXIT } from "../../pipeline/exit.ts";
import { replay } from "../../pipeline/replay.ts";
import { ALLOCATOR_NAMES } from "../../simulator/allocator.ts";
import { reportToJson } from "../../simulator/report_json.ts";
import { loadInputs } from "../inputs.ts";
import { formatReport } from "../print_report.ts";
import { optionalByteCount, printJson, runCommand } from "../run.ts";

/** The `simulate` command. */
export function simulateCommand() {
  return new Command("simulate")
    .description(
      "Replay one training step under a plan (default: program order) and report peak live, arena,\n" +
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
        "static: the plan's offsets; first-fit / best-fit: online allocators with coalescing;\n" +
          "pytorch: a model of PyTorch's CUDA caching allocator (reports reserved bytes).\n" +
          "Default: static when the plan has offsets, else best-fit",
      ).choices(ALLOCATOR_NAMES),
    )
    .option(
      "--capacity <bytes>",
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
          capacity: optionalByteCount("--capacity", opts.capacity),
        });
        if (opts.json) printJson(reportToJson(report, { timeline: opts.timeline }));
        else console.log(formatReport(report));
        return report.ok ? EXIT.ok : EXIT.violations;
      });
    });
}
