/**
 * `memplan demo`: the main job end to end on a bundled real graph.
 *
 * @module
 */
import { Command } from "npm:@commander-js/extra-typings@15.1.0";
import { loadGraph } from "../../graph/load.ts";
import { STDOUT, writeTextAtomic } from "../../graph/write_output.ts";
import { planJson } from "../../graph/plan_json.ts";
import { EXIT } from "../../pipeline/exit.ts";
import { formatPlannerBug } from "../../pipeline/planner_bug.ts";
import { planVerified } from "../../pipeline/plan_verified.ts";
import { simulate } from "../../simulator/simulate.ts";
import { demoJson, formatDemo } from "../print_demo.ts";
import { parseSeconds, runCommand } from "../run.ts";

/** The graph the demo plans: AlexNet training at batch 32, the example OLLA quotes. */
export const DEMO_GRAPH = new URL("../../testdata/graphs/alexnet.b32.sgd.json.gz", import.meta.url);

/**
 * The `demo` command.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Command } from "npm:@commander-js/extra-typings@15.1.0";
 * const dir = await Deno.makeTempDir();
 * const program = new Command("memplan").exitOverride().addCommand(demoCommand());
 * await program.parseAsync(["demo", "--graph", "testdata/graphs/tiny.json", "-o", `${dir}/tiny.plan.json`], { from: "user" });
 * assert.equal(Deno.exitCode, 0);
 * assert.match(await Deno.readTextFile(`${dir}/tiny.plan.json`), /memplan\.plan\/v1/);
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export function demoCommand() {
  return new Command("demo")
    .description(
      "Plan a bundled real training step (AlexNet, batch 32, SGD) with the default planner, verify " +
        "the plan by replay, and compare it with program order under the PyTorch allocator model " +
        "and under best-fit. Writes the plan to out/.",
    )
    .option("--graph <file>", "another graph to use instead")
    .option("--time-limit <seconds>", "planning budget in seconds, or none", "30")
    .option(
      "-o, --output <file>",
      "plan file to write (default out/<graph name>.plan.json; - for standard output)",
    )
    .option("--json", "print the comparison as JSON")
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
        if (output !== STDOUT) {
          await Deno.mkdir(output.split("/").slice(0, -1).join("/") || ".", { recursive: true });
        }
        await writeTextAtomic(output, planJson(r.plan), { inputs: [file] });
        // With -o -, standard output carries the plan and the comparison goes beside it.
        const say = output === STDOUT ? console.error : console.log;
        if (opts.json) {
          say(JSON.stringify(demoJson(g, file, r, { pytorch, bestFit }, output), null, 2));
        } else {
          say(formatDemo(g, file, r, { pytorch, bestFit }));
          if (output !== STDOUT) say(`wrote ${output}`);
        }
        return EXIT.ok;
      });
    });
}
