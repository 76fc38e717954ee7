/**
 * `memplan verify GRAPH PLAN` and `memplan verify SOLUTION.csv`: is a plan valid?
 *
 * @module
 */
import { Command } from "npm:@commander-js/extra-typings@15.1.0";
import { InputError } from "../../graph/input_error.ts";
import { EXIT } from "../../pipeline/exit.ts";
import { replay } from "../../pipeline/replay.ts";
import { verifySolution } from "../../pipeline/verify_solution.ts";
import { reportToJson } from "../../simulator/report_json.ts";
import { loadGraph } from "../../graph/load.ts";
import { readPlan } from "../../graph/plan.ts";
import { scanPlan } from "../../graph/plan_scan.ts";
import { type Verdict, verifyJson } from "../verify_json.ts";
import { formatPlacementReport, formatReport } from "../print_report.ts";
import { printJson, runCommand } from "../run.ts";
import { optionalSize, parseRate } from "../size.ts";
import { parseJson, readText } from "../../graph/read_input.ts";
import { verifyBudget } from "../budget/verify_budget_command.ts";

/**
 * The `verify` command.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Command } from "npm:@commander-js/extra-typings@15.1.0";
 * const program = new Command("memplan").exitOverride().addCommand(verifyCommand());
 * const run = async (...args: string[]) => {
 *   await program.parseAsync(["verify", ...args], { from: "user" });
 *   return Deno.exitCode;
 * };
 * assert.equal(await run("testdata/graphs/tiny.json", "testdata/plans/tiny.valid.json"), 0);
 * // b placed at 13 overlaps a [6, 14): exit 1
 * assert.equal(await run("testdata/graphs/tiny.json", "testdata/plans/tiny.overlap1.json"), 1);
 * Deno.exitCode = 0;
 * ```
 */
export function verifyCommand() {
  return new Command("verify")
    .description(
      "Check a plan against its graph: the order is a topological permutation, every tensor of " +
        "positive size has an aligned offset, offsets stay within the capacity, and no two resident " +
        "tensors overlap. With one argument ending in .csv, check a minimalloc-style placement " +
        "(id,lower,upper,size,offset) without a graph.\n\n" +
        "Exit 0: valid; 1: the plan has violations; 2: the input is unreadable or inconsistent.",
    )
    .argument("<graph-or-csv>", "memplan.graph/v1 file, or a minimalloc CSV with an offset column")
    .argument("[plan]", "memplan.plan/v1 or v2 file (with a graph)")
    .option("--capacity <size>", "capacity to check against (default: the plan's, if any)")
    .option(
      "--bandwidth <bytes-per-second>",
      "v2 plans: host-device bandwidth for the transfer time of offloads and fetches " +
        "(e.g. 16GB; default: the plan's, if any)",
    )
    .option("--json", "print the verdict as JSON")
    .action(async (first, planFile, opts) => {
      Deno.exitCode = await runCommand(async () => {
        const capacity = optionalSize("--capacity", opts.capacity);
        const bandwidth = opts.bandwidth !== undefined
          ? parseRate("--bandwidth", opts.bandwidth)
          : undefined;
        if (planFile === undefined) {
          if (!/\.csv(\.gz)?$/i.test(first)) {
            throw new InputError([{
              file: "command line",
              where: "",
              message: "verify needs GRAPH PLAN, or one minimalloc SOLUTION.csv",
            }]);
          }
          const r = await verifySolution(first, { capacity });
          if (opts.json) printJson(verifyJson([first], r, {}));
          else console.log(formatPlacementReport(first, r));
          return r.ok ? EXIT.ok : EXIT.violations;
        }
        // The plan's text first (a missing file is said before the graph is
        // read); the quick reading of a valid plan needs the graph.
        const planText = await readText(planFile);
        const graph = await loadGraph(first);
        let resolved = scanPlan(planText, graph, planFile)?.resolved;
        if (resolved === undefined) {
          const planValue = parseJson(planText, planFile);
          if ((planValue as { format?: unknown } | null)?.format === "memplan.plan/v2") {
            return await verifyBudget(first, planFile, planValue, {
              capacity,
              bandwidth,
              json: opts.json ?? false,
              graph,
            });
          }
          resolved = readPlan(graph, planValue, planFile).resolved;
        }
        const report = replay(graph, { resolved, capacity });
        // The verdict from the report without its per-tensor and per-step arrays.
        if (opts.json) {
          printJson(verifyJson([first, planFile], reportToJson(report) as Verdict, {}));
        } else console.log(formatReport(report));
        return report.ok ? EXIT.ok : EXIT.violations;
      });
    });
}
