/**
 * `memplan demo`: the main job end to end on a bundled real graph.
 *
 * @module
 */
import { Command } from "npm:@commander-js/extra-typings@15.1.0";
import { loadGraph } from "../../graph/load.ts";
import { writeTextAtomic } from "../../graph/write_output.ts";
import { type Report, simulate } from "../../simulator/simulate.ts";
import { planGraph } from "../../solver/plan_graph.ts";
import { orderLowerBound } from "../../solver/schedulers/order_bound.ts";
import { formatBytes, formatMiB, formatPercent, renderTable } from "../format.ts";
import { formatPlannerBug } from "../print_report.ts";
import { EXIT, parseSeconds, runCommand } from "../run.ts";

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
        const planned = await planGraph(g, { timeLimit });
        const planned_ = simulate(g, {
          order: planned.order,
          offsets: planned.offsets,
          allocator: "static",
        });
        if (!planned_.ok) {
          console.error(formatPlannerBug("the default planner", "plan", planned_.violations));
          return EXIT.internal;
        }
        const pytorch = simulate(g, { allocator: "pytorch" });
        const bestFit = simulate(g, { allocator: "best-fit" });
        const output = opts.output ?? `out/${g.name}.plan.json`;
        await Deno.mkdir(output.split("/").slice(0, -1).join("/") || ".", { recursive: true });
        await writeTextAtomic(output, JSON.stringify(planned.plan), { inputs: [file] });
        const bound = orderLowerBound(g, { orders: [planned.order] });
        console.log(`${g.name}: ${g.opCount} ops, ${g.tensorCount} tensors (${file})`);
        console.log(
          `planned with ${planned.plan.planner?.name} in ${planned.seconds.toFixed(2)} s; ` +
            `the replay verified it: no overlap, every op after its inputs and after-edges.`,
        );
        const row = (label: string, r: Report) => [
          label,
          formatMiB(r.peakLive),
          formatMiB(r.arena),
          formatPercent(r.fragmentation),
          formatMiB(pytorch.arena - r.arena),
          formatPercent((pytorch.arena - r.arena) / pytorch.arena),
        ];
        console.log(renderTable(
          ["plan", "peak live", "arena", "fragmentation", "saving vs PyTorch model", "saving %"],
          [
            row("program order, PyTorch caching allocator model", pytorch),
            row("program order, best-fit allocator", bestFit),
            row(`planned order + planned offsets (${planned.plan.planner?.name})`, planned_),
          ],
        ));
        const gap = planned_.peakLive - bound.bytes;
        console.log(
          `lower bound on the peak live of any order: ${
            formatBytes(bound.bytes)
          } (${bound.kind}); ` +
            (gap === 0
              ? "the planned order is optimal."
              : `the planned order is at most ${
                formatPercent(gap / planned_.peakLive)
              } above optimal.`),
        );
        console.log(
          "PyTorch model: 512-byte rounding, 2 MiB small-pool and 20 MiB large-pool segments, best-fit\n" +
            "blocks with splitting and coalescing, segments never released (simulator/allocators/pytorch.ts).",
        );
        console.log(`wrote ${output}`);
        return EXIT.ok;
      });
    });
}
