/**
 * `memplan plan GRAPH -o PLAN.json`: plan a step, verify the plan by replay, write it.
 *
 * @module
 */
import { Command, Option } from "npm:@commander-js/extra-typings@15.1.0";
import { loadGraph } from "../../graph/load.ts";
import { checkOutputPath, writeTextAtomic } from "../../graph/write_output.ts";
import { planJson } from "../../graph/plan_json.ts";
import { planVerified } from "../../pipeline/plan_verified.ts";
import { planSummary } from "../../pipeline/summary.ts";
import { placerNames, schedulerNames } from "../../solver/registry.ts";
import { finishOutcome } from "../print_outcome.ts";
import { formatPlanSummary } from "../print_plan.ts";
import { parseByteCount, parseSeconds, runCommand } from "../run.ts";
import { optionalSize, parseRate, parseSize } from "../size.ts";
import { planBudgetCommand } from "../budget/plan_budget_command.ts";
import { budgetPlannerNames } from "../../solver/budget/registry.ts";
import { threadsOption } from "../threads_option.ts";
import { overrunNote, solverBudget } from "../time_budget.ts";
import { formatInt } from "../format.ts";

/**
 * The `plan` command.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Command } from "npm:@commander-js/extra-typings@15.1.0";
 * const dir = await Deno.makeTempDir();
 * const program = new Command("memplan").exitOverride().addCommand(planCommand());
 * await program.parseAsync(["plan", "testdata/graphs/tiny.json", "--scheduler", "greedy", "--placer", "greedy-size", "-o", `${dir}/tiny.plan.json`], { from: "user" });
 * assert.equal(Deno.exitCode, 0);
 * assert.match(await Deno.readTextFile(`${dir}/tiny.plan.json`), /memplan\.plan\/v1/);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export function planCommand() {
  return new Command("plan")
    .description(
      "Plan one training step: a scheduler picks the order, a placer the offsets. The plan is " +
        "replayed by the simulator before it is written; what is reported is what the replay " +
        "measured.\n\n" +
        "Exit 0: planned (and within --capacity); 3: no plan within the capacity (impossible: " +
        "below the lower bound, or not found in time).",
    )
    .argument("<graph>", "memplan.graph/v1 file (.json or .json.gz)")
    .addOption(
      new Option("--scheduler <name>", "how to pick the order").choices(schedulerNames())
        .default("best"),
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
    .option(
      "--capacity <size>",
      "every offset + size must fit under it (bytes, or with a unit: 16GiB, 1.5GB)",
    )
    .option("--seed <n>", "seed for randomised planners", "1")
    .addOption(threadsOption())
    .option(
      "-o, --output <file>",
      "plan file to write (memplan.plan/v1; .gz to compress; - for standard output, the summary " +
        "then going to standard error); without it, the summary only",
    )
    .option("--json", "print the summary as JSON")
    .option("--budget <bytes>", "plan within this memory (e.g. 6GiB), recomputing or offloading")
    .addOption(
      new Option("--budget-planner <name>", "with --budget: how to choose what to recompute")
        .choices(budgetPlannerNames()).default("greedy"),
    )
    .option("--bandwidth <bytes-per-second>", "with --budget: host-device bandwidth of offloads")
    .action(async (graphFile, opts) => {
      if (opts.budget !== undefined) {
        Deno.exitCode = await runCommand(() =>
          planBudgetCommand(graphFile, {
            budget: parseSize("--budget", opts.budget!),
            planner: opts.budgetPlanner,
            placer: opts.placer,
            timeLimit: parseSeconds("--time-limit", opts.timeLimit),
            seed: parseByteCount("--seed", opts.seed),
            bandwidth: opts.bandwidth !== undefined
              ? parseRate("--bandwidth", opts.bandwidth)
              : undefined,
            output: opts.output,
            json: opts.json ?? false,
          })
        );
        return;
      }
      Deno.exitCode = await runCommand(async () => {
        const timeLimit = parseSeconds("--time-limit", opts.timeLimit);
        const capacity = optionalSize("--capacity", opts.capacity);
        const seed = parseByteCount("--seed", opts.seed);
        const readFrom = performance.now();
        const g = await loadGraph(graphFile);
        const readSeconds = (performance.now() - readFrom) / 1000;
        const output = opts.output;
        if (output !== undefined) await checkOutputPath(output, { inputs: [graphFile] });
        const { scheduler, placer } = opts;
        const threads = Number(opts.threads);
        // The limit covers start-up, reading and writing too, as place's does:
        // planning, replaying and the bound get what is left less the writing.
        const budget = solverBudget(timeLimit, 0, g.tensorCount, readSeconds);
        const r = await planVerified(g, {
          scheduler,
          placer,
          timeLimit: budget,
          capacity,
          seed,
          threads,
        });
        // A plan with a planner bug, or over its capacity, would not verify: it is not written.
        return await finishOutcome({
          ...r,
          what: "plan",
          who: `the ${r.plan.planner?.name} planner`,
          output,
          capacity,
          arena: r.report.arena,
          lowerBound: r.bound.bytes,
          summary: () => {
            const s = planSummary(r, r.fits ? output : undefined);
            // Called after writing: an overrun is said, the plan still returned.
            const over = overrunNote(timeLimit, "planning", `${formatInt(g.tensorCount)} tensors`);
            if (over !== undefined) s.timeNote = over;
            return s;
          },
          write: () => writeTextAtomic(output!, planJson(r.plan), { inputs: [graphFile] }),
          json: opts.json,
          table: formatPlanSummary,
        });
      });
    });
}
