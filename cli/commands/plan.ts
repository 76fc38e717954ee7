/**
 * `memplan plan GRAPH -o PLAN.json`: plan a step, verify the plan by replay, write it.
 *
 * @module
 */
import { Command, Option } from "npm:@commander-js/extra-typings@15.1.0";
import { loadGraph } from "../../graph/load.ts";
import { checkOutputPath, STDOUT, writeTextAtomic } from "../../graph/write_output.ts";
import { outcomeExit } from "../../pipeline/exit.ts";
import { formatPlannerBug, notFoundMessage } from "../../pipeline/planner_bug.ts";
import { planVerified } from "../../pipeline/plan_verified.ts";
import { planSummary } from "../../pipeline/summary.ts";
import { placerNames, schedulerNames } from "../../solver/registry.ts";
import { formatPlanSummary } from "../print_plan.ts";
import { parseByteCount, parseSeconds, runCommand } from "../run.ts";
import { optionalSize } from "../size.ts";

/** The `plan` command. */
export function planCommand() {
  return new Command("plan")
    .description(
      "Plan one training step: a scheduler picks the order, a placer the offsets. The plan is " +
        "replayed by the simulator before it is written; what is reported is what the replay measured.\n\n" +
        "Exit 0: planned (and within --capacity); 3: no plan within the capacity was found in time.",
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
    .option("--capacity <size>", "every offset + size must fit under it")
    .option("--seed <n>", "seed for randomised planners", "1")
    .option(
      "-o, --output <file>",
      "plan file to write (memplan.plan/v1; .gz to compress; - for standard output, the summary " +
        "then going to standard error); without it, the summary only",
    )
    .option("--json", "print the summary as JSON")
    .action(async (graphFile, opts) => {
      Deno.exitCode = await runCommand(async () => {
        const timeLimit = parseSeconds("--time-limit", opts.timeLimit);
        const capacity = optionalSize("--capacity", opts.capacity);
        const seed = parseByteCount("--seed", opts.seed);
        const g = await loadGraph(graphFile);
        const output = opts.output;
        if (output !== undefined) await checkOutputPath(output, { inputs: [graphFile] });
        const { scheduler, placer } = opts;
        const r = await planVerified(g, { scheduler, placer, timeLimit, capacity, seed });
        // A planner emitted an invalid plan: a bug, reported loudly, never written.
        const who = `the ${r.plan.planner?.name} planner`;
        if (r.plannerBug.length) console.error(formatPlannerBug(who, "plan", r.plannerBug));
        else {
          // A plan over its capacity would not verify: say so and write nothing.
          const written = r.fits && output !== undefined;
          if (written) {
            await writeTextAtomic(output, JSON.stringify(r.plan), { inputs: [graphFile] });
          }
          const summary = planSummary(r, written ? output : undefined);
          // With -o -, standard output carries the plan and the summary goes beside it.
          const say = output === STDOUT ? console.error : console.log;
          if (opts.json) say(JSON.stringify(summary, null, 2));
          else {
            say(formatPlanSummary(summary));
            if (written && output !== STDOUT) say(`wrote ${output}`);
            if (!r.fits) {
              console.error(notFoundMessage("plan", capacity, r.report.arena, r.bound.bytes));
            }
          }
        }
        return outcomeExit(r);
      });
    });
}
