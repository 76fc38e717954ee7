/**
 * `memplan viz GRAPH [--plan PLAN] [--compare PLAN2 | --compare-allocator NAME] -o FILE`:
 * memory pictures of a replay, as SVG or as a self-contained HTML page.
 *
 * @module
 */
import { Command, Option } from "npm:@commander-js/extra-typings@15.1.0";
import { EXIT } from "../../pipeline/exit.ts";
import { ALLOCATOR_NAMES } from "../../simulator/allocator.ts";
import { DEFAULT_TENSOR_CAP, vizPicture } from "../../simulator/viz/picture.ts";
import { loadInputs } from "../inputs.ts";
import { formatInt } from "../format.ts";
import { parseByteCount, runCommand } from "../run.ts";
import { outputFormat, vizReplays, writeOutput } from "../viz_io.ts";

/**
 * The `viz` command.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { Command } from "npm:@commander-js/extra-typings@15.1.0";
 * const program = new Command("memplan");
 * program.addCommand(vizCommand());
 * // memplan viz g.json.gz --plan p.json --compare-allocator pytorch -o viz.html
 * assert.deepEqual(program.commands.map((c) => c.name()), ["viz"]);
 * ```
 */
export function vizCommand() {
  return new Command("viz")
    .description(
      "Draw the memory of a replay: the memory map (steps across, addresses up, one rectangle " +
        "per tensor, coloured by kind) and the live bytes per step stacked by kind, with the " +
        "arena and the peak marked.\n\n" +
        "-o FILE.svg: both panels in one SVG. -o FILE.html: one self-contained page with hover " +
        "details. -o -: the SVG on standard output. With --compare or --compare-allocator the " +
        "second replay is drawn on the left, this one on the right, on one scale.\n\n" +
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
    .requiredOption(
      "-o, --output <file>",
      "picture to write: FILE.svg or FILE.html, or - for an SVG on standard output",
    )
    .option(
      "--max-tensors <n>",
      "draw at most this many tensors one by one in the whole picture and merge the rest " +
        "into cells",
      String(DEFAULT_TENSOR_CAP),
    )
    .option("--json", "print what was drawn as JSON")
    .action(async (graphFile, opts) => {
      Deno.exitCode = await runCommand(async () => {
        const format = outputFormat(opts.output);
        const cap = parseByteCount("--max-tensors", opts.maxTensors);
        const { graph, plan, resolved } = await loadInputs(graphFile, opts.plan);
        const replays = await vizReplays(graph, { ...opts, plan, resolved, planFile: opts.plan });
        const picture = vizPicture(graph, replays, { format, cap });
        await writeOutput(opts.output, picture.text, [graphFile, opts.plan, opts.compare]);
        const say = opts.output === "-" ? console.error : console.log;
        if (opts.json) {
          say(JSON.stringify(
            {
              output: opts.output,
              format,
              bytes: new TextEncoder().encode(picture.text).length,
              sides: picture.sides,
              tensorRectangles: picture.drawn,
              replays: replays.map(({ label, report: r }) => ({
                label,
                allocator: r.allocator,
                ok: r.ok,
                violationCount: r.violationCount,
                peakLive: r.peakLive,
                arena: r.arena,
                fragmentation: r.fragmentation,
              })),
            },
            null,
            2,
          ));
        } else if (opts.output !== "-") {
          const kib = formatInt(Math.round(picture.text.length / 1024));
          say(
            `wrote ${opts.output} (${kib} KiB): ${picture.sides} side(s), ` +
              `${formatInt(picture.drawn)} tensor rectangles`,
          );
        }
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
