/**
 * `memplan demo`: the main job end to end on a bundled real graph.
 *
 * @module
 */
import { Command } from "@commander-js/extra-typings";
import { loadGraph } from "../../graph/load.ts";
import { writeTextAtomic } from "../../graph/write_output.ts";
import { EXIT } from "../../pipeline/exit.ts";
import { formatPlannerBug } from "../../pipeline/planner_bug.ts";
import { planVerified } from "../../pipeline/plan_verified.ts";
import { simulate } from "../../simulator/simulate.ts";
import { formatDemo } from "../print_demo.ts";
import { parseSeconds, runCommand } from "../run.ts";

/** The graph the demo plans: AlexNet training at batch 32, the example OLLA quotes. */
export const DEMO_GRAPH = new URL("../../testdata/graphs/alexnet.b32.sgd.json.gz", import.meta.url);

/** The `demo` command. */
export function demoCommand() {
  return new Command("demo")
    .description(
      "Plan a bundled real training step (AlexNet, batch 32, SGD) with the default planner, verify\n" +
        "the plan by replay, and compare it with program order under the PyTorch allocator model\n" +
        "and under best-fit. Writes the plan to out/.",
    )
    .option("--graph <file>", "another graph to use instead")
    .option("--time-limit <seconds>", "planning budget in seconds, or none", "30")
    .option("-o, --output <file>", "plan file to write (default out/<graph name>.plan.json)")
    .action(async (opts) => {
      Deno.exitCode = await runCommand(async () => {
        const file = opts.graph ?? DEMO_GRAPH.pathname;
        const g = await loadGraph(file);
        const timeLimit = parseSeconds("--time-limit", opts.timeLimit);
        const r = await planVerified(g, { timeLimit });
        if (r.plannerBug.length > 0) {
          console.error(formatPlannerBug("the default planner", "plan", r.plannerBug));
          return EXIT.internal;
        }
        const pytorch = simulate(g, { allocator: "pytorch" });
        const bestFit = simulate(g, { allocator: "best-fit" });
        const output = opts.output ?? `out/${g.name}.plan.json`;
        await Deno.mkdir(output.split("/").slice(0, -1).join("/") || ".", { recursive: true });
        await writeTextAtomic(output, JSON.stringify(r.plan));
        console.log(formatDemo(g, file, r, { pytorch, bestFit }));
        console.log(`wrote ${output}`);
        return EXIT.ok;
      });
    });
}
