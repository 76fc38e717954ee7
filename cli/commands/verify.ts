/**
 * `memplan verify GRAPH PLAN` and `memplan verify SOLUTION.csv`: is a plan valid?
 *
 * @module
 */
import { Command } from "npm:@commander-js/extra-typings@15.1.0";
import { InputError } from "../../graph/input_error.ts";
import { loadMinimallocCsv } from "../../graph/load.ts";
import { reportToJson } from "../../simulator/report_json.ts";
import { simulate } from "../../simulator/simulate.ts";
import { verifyPlacement } from "../../simulator/verify_placement.ts";
import { formatBytes, formatInt, formatPercent, renderPairs } from "../format.ts";
import { loadInputs } from "../inputs.ts";
import { describeViolation, formatReport } from "../print_report.ts";
import { EXIT, parseByteCount, printJson, runCommand } from "../run.ts";

/** The `verify` command. */
export function verifyCommand() {
  return new Command("verify")
    .description(
      "Check a plan against its graph: the order is a topological permutation, every tensor of\n" +
        "positive size has an aligned offset, offsets stay within the capacity, and no two resident\n" +
        "tensors overlap. With one argument ending in .csv, check a minimalloc-style placement\n" +
        "(id,lower,upper,size,offset) without a graph.\n" +
        "Exit 0: valid; 1: the plan has violations; 2: the input is unreadable or inconsistent.",
    )
    .argument("<graph-or-csv>", "memplan.graph/v1 file, or a minimalloc CSV with an offset column")
    .argument("[plan]", "memplan.plan/v1 file (with a graph)")
    .option("--capacity <bytes>", "capacity to check against (default: the plan's, if any)")
    .option("--json", "print the verdict as JSON")
    .action(async (first, planFile, opts) => {
      Deno.exitCode = await runCommand(async () => {
        const capacity = opts.capacity !== undefined
          ? parseByteCount("--capacity", opts.capacity)
          : undefined;
        if (planFile === undefined) {
          if (!/\.csv(\.gz)?$/i.test(first)) {
            throw new InputError([{
              file: "command line",
              where: "",
              message: "verify needs GRAPH PLAN, or one minimalloc SOLUTION.csv",
            }]);
          }
          return await verifyCsv(first, capacity, opts.json ?? false);
        }
        const { graph, resolved } = await loadInputs(first, planFile);
        const report = simulate(graph, {
          order: resolved!.order,
          offsets: resolved!.offsets,
          capacity: capacity ?? resolved!.capacity,
          allocator: resolved!.offsets ? "static" : "best-fit",
        });
        if (opts.json) printJson(reportToJson(report));
        else console.log(formatReport(report));
        return report.ok ? EXIT.ok : EXIT.violations;
      });
    });
}

async function verifyCsv(
  file: string,
  capacity: number | undefined,
  json: boolean,
): Promise<number> {
  const problem = await loadMinimallocCsv(file);
  if (!problem.buffers.some((b) => b.offset !== undefined)) {
    throw new InputError([{
      file,
      where: "line 1",
      message: "no offset column: this is a problem, not a solution",
    }]);
  }
  const offsets = Float64Array.from(problem.buffers, (b) => b.offset ?? NaN);
  const r = verifyPlacement(problem, offsets, { capacity });
  if (json) printJson({ file, ...r });
  else {
    const verdict = r.ok ? "VALID" : `INVALID: ${formatInt(r.violationCount)} violation(s)`;
    const lines = [`${file}: ${verdict}`];
    for (const v of r.violations.slice(0, 20)) lines.push(`  - ${describeViolation(v)}`);
    const rows: [string, string][] = [
      ["buffers", formatInt(r.buffers)],
      ["peak live (L)", formatBytes(r.peakLive)],
      ["arena (H)", formatBytes(r.arena)],
      ["fragmentation (H-L)/H", formatPercent(r.fragmentation)],
    ];
    if (r.capacity !== undefined) rows.push(["capacity", formatBytes(r.capacity)]);
    lines.push(renderPairs(rows));
    console.log(lines.join("\n"));
  }
  return r.ok ? EXIT.ok : EXIT.violations;
}
