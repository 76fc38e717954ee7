/**
 * `memplan pareto GRAPH`: the memory/compute trade-off curve, one line per
 * budget planner, every point a verified plan.
 *
 * @module
 */
import { boundReason } from "./bound_text.ts";
import { Command } from "npm:@commander-js/extra-typings@15.1.0";
import { paretoChart, paretoTable } from "../../bench/budget/pareto_report.ts";
import { paretoSweep } from "../../bench/budget/pareto_sweep.ts";
import { renderSvg } from "../../bench/render_svg.ts";
import { InputError } from "../../graph/input_error.ts";
import { loadGraph } from "../../graph/load.ts";
import { writeTextAtomic } from "../../graph/write_output.ts";
import { budgetPlannerNames } from "../../solver/budget/registry.ts";
import { formatBytes } from "../format.ts";
import { EXIT } from "../../pipeline/exit.ts";
import { parseByteCount, parseSeconds, printJson, runCommand } from "../run.ts";
import { parseRate, parseSize } from "../size.ts";

/**
 * The `pareto` command.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Command } from "npm:@commander-js/extra-typings@15.1.0";
 * const program = new Command("memplan").exitOverride().addCommand(paretoCommand());
 * const args = ["pareto", "testdata/graphs/tiny.json", "--planners", "chen,greedy", "--points", "2",
 *   "--placer", "greedy-size"];
 * await program.parseAsync(args, { from: "user" });
 * assert.equal(Deno.exitCode, 0);
 * ```
 */
export function paretoCommand() {
  return new Command("pareto")
    .description(
      "Sweep memory budgets from the no-recompute optimum down to the smallest possible footprint " +
        "and plan each with every budget planner; print a table (added compute per budget) and " +
        "optionally write an SVG chart. Every point is a plan the simulator verified.\n\n" +
        "Exit 0: swept (points without a plan are reported, not errors); 1: a planner's plan was " +
        "invalid; 3: every budget is below the lower bound of any plan (nothing written).",
    )
    .argument("<graph>", "memplan.graph/v1 file (.json or .json.gz)")
    .option(
      "--planners <names>",
      `comma-separated budget planners (default: every registered one: ${
        budgetPlannerNames().join(", ")
      })`,
    )
    .option(
      "--points <n>",
      "budgets between the no-recompute peak and the bound (the recompute-only bound when no chosen planner offloads)",
      "6",
    )
    .option("--budgets <list>", "explicit comma-separated budgets instead (e.g. 500MiB,400MiB)")
    .option("--time-limit <seconds>", "per planner and budget", "30")
    .option("--placer <name>", "placer of every plan", "best")
    .option("--bandwidth <bytes-per-second>", "host-device bandwidth for offload planners")
    .option("--svg <file>", "write the chart (arena vs added compute) here")
    .option("--table <file>", "write the table (Markdown) here")
    .option("--json", "print the curve as JSON")
    .action(async (graphFile, opts) => {
      Deno.exitCode = await runCommand(async () => {
        const planners = opts.planners?.split(",").map((s) => s.trim()).filter(Boolean) ??
          budgetPlannerNames();
        for (const name of planners) {
          if (!budgetPlannerNames().includes(name)) {
            throw new InputError([{
              file: "command line",
              where: "--planners",
              message: `unknown budget planner ${JSON.stringify(name)}; valid: ${
                budgetPlannerNames().join(", ")
              }`,
            }]);
          }
        }
        const g = await loadGraph(graphFile);
        const curve = await paretoSweep(g, {
          planners,
          points: parseByteCount("--points", opts.points),
          budgets: opts.budgets?.split(",").map((b) => parseSize("--budgets", b)),
          timeLimit: parseSeconds("--time-limit", opts.timeLimit),
          placer: opts.placer,
          bandwidth: opts.bandwidth !== undefined
            ? parseRate("--bandwidth", opts.bandwidth)
            : undefined,
        });
        const impossibleAt = new Map<number, "footprint" | "recompute">();
        for (const p of curve.points) {
          if (p.status !== "impossible") continue;
          // A budget below the bound of every plan says so once, whichever planner hit it.
          if (impossibleAt.get(p.budget) !== "footprint") {
            impossibleAt.set(p.budget, p.impossibleBy!);
          }
        }
        for (const [b, kind] of impossibleAt) {
          const [bound, op] = kind === "recompute"
            ? [curve.recomputeBound, curve.recomputeBoundOp]
            : [curve.bound, curve.boundOp];
          const who = kind === "recompute" ? " for the recompute-only planners" : "";
          console.error(
            `memplan: budget ${b} is impossible${who}: ${boundReason(bound, kind, op)}`,
          );
        }
        if (curve.points.length > 0 && curve.points.every((p) => p.status === "impossible")) {
          if (opts.json) printJson({ graph: g.name, status: "impossible", bound: curve.bound });
          console.error("memplan: every budget is impossible; nothing written");
          return EXIT.notFound;
        }
        const head = `${g.name}: no-recompute peak ${
          formatBytes(curve.noRecomputePeak)
        } (any order >= ${formatBytes(curve.noRecomputeBound)}); no plan fits below ${
          formatBytes(curve.bound)
        } (op ${curve.boundOp})${
          curve.recomputeBound > curve.bound
            ? `, none that only recomputes below ${
              formatBytes(curve.recomputeBound)
            } (op ${curve.recomputeBoundOp})`
            : ""
        }; costs ${curve.costSource}`;
        const table = paretoTable(curve, planners);
        const inputs = { inputs: [graphFile] };
        if (opts.svg) await writeTextAtomic(opts.svg, await renderSvg(paretoChart(curve)), inputs);
        if (opts.table) await writeTextAtomic(opts.table, `${head}\n\n${table}\n`, inputs);
        if (opts.json) printJson(curve);
        else {
          console.log(head);
          console.log(table);
          if (opts.svg) console.log(`wrote ${opts.svg}`);
          if (opts.table) console.log(`wrote ${opts.table}`);
        }
        return curve.points.some((p) => p.status === "invalid") ? EXIT.violations : EXIT.ok;
      });
    });
}
