/**
 * `memplan viz GRAPH [--plan PLAN] [--compare PLAN2 | --compare-allocator NAME] -o FILE`:
 * memory pictures of a replay, as SVG or as a self-contained HTML page.
 *
 * @module
 */
import { Command, Option } from "@commander-js/extra-typings";
import { EXIT } from "../../pipeline/exit.ts";
import { ALLOCATOR_NAMES } from "../../simulator/allocator.ts";
import { vizPicture } from "../../simulator/viz/picture.ts";
import { loadInputs } from "../inputs.ts";
import { optionalByteCount, runCommand } from "../run.ts";
import { outputFormat, vizReplays, writeOutput } from "../viz_io.ts";

/**
 * The `viz` command.
 *
 * @example
 * ```ts
 * import { Command } from "@commander-js/extra-typings";
 * const program = new Command("memplan");
 * program.addCommand(vizCommand());
 * // memplan viz g.json.gz --plan p.json --compare-allocator pytorch -o viz.html
 * ```
 */
export function vizCommand() {
  return new Command("viz")
    .description(
      "Draw the memory of a replay: the memory map (steps across, addresses up,\n" +
        "one rectangle per tensor, coloured by kind) and the live bytes per step\n" +
        "stacked by kind, with the arena and the peak marked.\n" +
        "-o FILE.svg: both panels in one SVG. -o FILE.html: one self-contained page\n" +
        "with hover details. With --compare or --compare-allocator the second replay\n" +
        "is drawn on the left, this one on the right, on one scale.\n" +
        "Exit 0: written; 1: written, but a replay has violations; 2: bad input.",
    )
    .argument("<graph>", "memplan.graph/v1 file (.json or .json.gz)")
    .option("--plan <file>", "memplan.plan/v1 file; its order and, for static, its offsets")
    .addOption(
      new Option(
        "--allocator <name>",
        "allocator of the replay (default: static when the plan has offsets, else best-fit)",
      ).choices(ALLOCATOR_NAMES),
    )
    .option("--compare <plan>", "also draw this plan (default allocator as for --plan)")
    .addOption(
      new Option(
        "--compare-allocator <name>",
        "also draw a replay under this allocator: of the --compare plan, else of program order",
      ).choices(ALLOCATOR_NAMES),
    )
    .requiredOption("-o, --output <file>", "picture to write: FILE.svg or FILE.html")
    .option(
      "--cap <n>",
      "draw at most this many tensors one by one in the whole picture and merge the\n" +
        "rest into cells (default 20000)",
    )
    .action(async (graphFile, opts) => {
      Deno.exitCode = await runCommand(async () => {
        const format = outputFormat(opts.output);
        const cap = optionalByteCount("--cap", opts.cap);
        const { graph, plan, resolved } = await loadInputs(graphFile, opts.plan);
        const replays = await vizReplays(graph, { ...opts, plan, resolved, planFile: opts.plan });
        const picture = vizPicture(graph, replays, { format, cap });
        await writeOutput(opts.output, picture.text);
        const kib = (picture.text.length / 1024).toFixed(0);
        console.log(
          `wrote ${opts.output} (${kib} KiB): ${picture.sides} side(s), ${picture.drawn} tensor rectangles`,
        );
        const bad = replays.map((r) => r.report).filter((r) => !r.ok);
        for (const r of bad) {
          console.error(
            `memplan: the ${r.allocator} replay has ${r.violationCount} violation(s), drawn as they ` +
              "are; run memplan verify for details",
          );
        }
        return bad.length > 0 ? EXIT.violations : EXIT.ok;
      });
    });
}
