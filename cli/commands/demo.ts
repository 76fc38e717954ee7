/**
 * `memplan demo`: the main job on a bundled graph.
 *
 * @module
 */
import { Command } from "@commander-js/extra-typings";
import { loadGraph } from "../../graph/load.ts";
import { simulate } from "../../simulator/simulate.ts";
import { formatReport } from "../print_report.ts";
import { EXIT, runCommand } from "../run.ts";

/** The graph the demo uses, relative to the repository root. */
export const DEMO_GRAPH = new URL(
  "../../testdata/graphs/resnet18.b32.sgd.json.gz",
  import.meta.url,
);

/** The `demo` command. */
export function demoCommand() {
  return new Command("demo")
    .description("Replay a bundled graph under program order and print the report.")
    .action(async () => {
      Deno.exitCode = await runCommand(async () => {
        const g = await loadGraph(DEMO_GRAPH.pathname);
        for (const allocator of ["pytorch", "best-fit"] as const) {
          console.log(formatReport(simulate(g, { allocator })));
          console.log();
        }
        return EXIT.ok;
      });
    });
}
