/**
 * `memplan plan GRAPH -o PLAN.json`: plan a step, verify the plan by replay, write it.
 *
 * @module
 */
import { Command, Option } from "npm:@commander-js/extra-typings@15.1.0";
import { loadGraph } from "../../graph/load.ts";
import { checkOutputPath, writeTextAtomic } from "../../graph/write_output.ts";
import { simulate } from "../../simulator/simulate.ts";
import { planGraph } from "../../solver/plan_graph.ts";
import { orderLowerBound } from "../../solver/schedulers/order_bound.ts";
import { placerNames, schedulerNames } from "../../solver/registry.ts";
import { formatBytes, formatPercent, renderPairs } from "../format.ts";
import { formatPlannerBug } from "../print_report.ts";
import { EXIT, parseByteCount, parseSeconds, printJson, runCommand } from "../run.ts";

/** The `plan` command. */
export function planCommand() {
  return new Command("plan")
    .description(
      "Plan one training step: a scheduler picks the order, a placer the offsets. The plan is\n" +
        "replayed by the simulator before it is written; what is reported is what the replay measured.\n" +
        "Exit 0: planned (and within --capacity); 3: no plan within the capacity was found in time.",
    )
    .argument("<graph>", "memplan.graph/v1 file (.json or .json.gz)")
    .addOption(
      new Option("--scheduler <name>", "how to pick the order").choices(schedulerNames()).default(
        "best",
      ),
    )
    .addOption(
      new Option("--placer <name>", "how to pick the offsets").choices(placerNames()).default(
        "best",
      ),
    )
    .option(
      "--time-limit <seconds>",
      "wall-clock budget in seconds for the whole plan, or none",
      "30",
    )
    .option("--capacity <bytes>", "every offset + size must fit under it")
    .option("--seed <n>", "seed for randomised planners", "1")
    .requiredOption("-o, --output <file>", "plan file to write (memplan.plan/v1; .gz to compress)")
    .option("--json", "print the summary as JSON")
    .action(async (graphFile, opts) => {
      Deno.exitCode = await runCommand(async () => {
        const timeLimit = parseSeconds("--time-limit", opts.timeLimit);
        const capacity = opts.capacity !== undefined
          ? parseByteCount("--capacity", opts.capacity)
          : undefined;
        const seed = parseByteCount("--seed", opts.seed);
        const g = await loadGraph(graphFile);
        await checkOutputPath(opts.output, { inputs: [graphFile] });
        const planned = await planGraph(g, {
          scheduler: opts.scheduler,
          placer: opts.placer,
          timeLimit,
          capacity,
          seed,
        });
        const report = simulate(g, {
          order: planned.order,
          offsets: planned.offsets,
          allocator: "static",
          capacity,
        });
        const fits = capacity === undefined || report.arena <= capacity;
        const overlapOrOrder = report.violations.filter((v) => v.kind !== "out_of_capacity");
        if (overlapOrOrder.length > 0) {
          // A planner emitted an invalid plan: a bug, reported loudly, never written.
          console.error(
            formatPlannerBug(`the ${planned.plan.planner?.name} planner`, "plan", overlapOrOrder),
          );
          return EXIT.internal;
        }
        // A plan over its capacity would not verify: say so and write nothing.
        if (fits) {
          await writeTextAtomic(opts.output, JSON.stringify(planned.plan), {
            inputs: [graphFile],
          });
        }
        const bound = orderLowerBound(g, { orders: [planned.order] });
        const orderGap = report.peakLive - bound.bytes;
        const summary = {
          graph: g.name,
          output: opts.output,
          scheduler: {
            name: opts.scheduler,
            status: planned.schedule.status,
            seconds: planned.schedule.seconds,
          },
          placer: {
            name: opts.placer,
            status: planned.placement.status,
            seconds: planned.placement.seconds,
          },
          programOrderPeak: report.programOrderPeak,
          peakLive: report.peakLive,
          arena: report.arena,
          fragmentation: report.fragmentation,
          lowerBound: bound.bytes,
          lowerBoundKind: bound.kind,
          orderOptimal: orderGap === 0,
          orderGap,
          orderGapPercent: report.peakLive ? (100 * orderGap) / report.peakLive : 0,
          placementGap: report.arena - report.peakLive,
          reduction: report.programOrderPeak ? 1 - report.arena / report.programOrderPeak : 0,
          capacity,
          fits,
          seconds: planned.seconds,
        };
        if (opts.json) printJson(summary);
        else {
          console.log(renderPairs([
            ["graph", g.name],
            [
              "scheduler",
              `${opts.scheduler} (${planned.schedule.status}, ${
                planned.schedule.seconds.toFixed(2)
              } s)`,
            ],
            [
              "placer",
              `${opts.placer} (${planned.placement.status}, ${
                planned.placement.seconds.toFixed(2)
              } s)`,
            ],
            ["program-order peak", formatBytes(report.programOrderPeak)],
            ["planned peak live (L)", formatBytes(report.peakLive)],
            ["lower bound, any order", `${formatBytes(bound.bytes)} (${bound.kind})`],
            [
              "order",
              orderGap === 0
                ? "optimal: peak live equals the lower bound"
                : `at most ${formatBytes(orderGap)} (${
                  formatPercent(orderGap / report.peakLive)
                }) above optimal`,
            ],
            ["arena (H)", formatBytes(report.arena)],
            ["fragmentation (H-L)/H", formatPercent(report.fragmentation)],
            ["placement gap (H-L)", formatBytes(report.arena - report.peakLive)],
            ["arena vs program-order peak", `${formatPercent(-summary.reduction)}`],
            ...(capacity !== undefined
              ? [
                ["capacity", `${formatBytes(capacity)}: ${fits ? "fits" : "DOES NOT FIT"}`] as [
                  string,
                  string,
                ],
              ]
              : []),
            ["seconds", planned.seconds.toFixed(2)],
          ]));
          if (fits) console.log(`wrote ${opts.output}`);
          else {console.error(
              `memplan: no plan within capacity ${capacity} found in time (best arena ${report.arena}); nothing written`,
            );}
        }
        return fits ? EXIT.ok : EXIT.notFound;
      });
    });
}
