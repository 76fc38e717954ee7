/**
 * `memplan viz GRAPH [--plan PLAN] [--compare PLAN2 | --compare-allocator NAME] -o FILE`:
 * memory pictures of a replay, as SVG or as a self-contained HTML page.
 *
 * @module
 */
import { basename } from "node:path";
import { Command, Option } from "npm:@commander-js/extra-typings@15.1.0";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { InputError } from "../../graph/input_error.ts";
import { loadResolvedPlan } from "../../graph/load.ts";
import type { ResolvedPlan } from "../../graph/plan.ts";
import type { Plan } from "../../graph/types.ts";
import { writeTextAtomic } from "../../graph/write_output.ts";
import { ALLOCATOR_NAMES, type AllocatorName } from "../../simulator/allocator.ts";
import { type Report, simulate } from "../../simulator/simulate.ts";
import { vizSvg } from "../../simulator/viz/compose_svg.ts";
import { vizHtml } from "../../simulator/viz/html.ts";
import { sharedScale, vizSide } from "../../simulator/viz/side.ts";
import { loadInputs } from "../inputs.ts";
import { EXIT, parseByteCount, runCommand } from "../run.ts";

/**
 * The `viz` command.
 *
 * @example
 * ```ts
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
        const cap = opts.cap !== undefined ? parseByteCount("--cap", opts.cap) : undefined;
        const { graph, plan, resolved } = await loadInputs(graphFile, opts.plan);
        const replays = [replay(graph, {
          planFile: opts.plan,
          plan,
          resolved,
          allocator: opts.allocator,
          option: "--allocator",
        })];
        if (opts.compare !== undefined || opts.compareAllocator !== undefined) {
          const second = opts.compare !== undefined
            ? await loadResolvedPlan(graph, opts.compare)
            : undefined;
          const plan2 = second?.plan, resolved2 = second?.resolved;
          replays.unshift(replay(graph, {
            planFile: opts.compare,
            plan: plan2,
            resolved: resolved2,
            allocator: opts.compareAllocator,
            option: "--compare-allocator",
          }));
        }
        const reports = replays.map((r) => r.report);
        const scale = sharedScale(graph, reports);
        const compare = replays.length > 1;
        const sides = replays.map((r, i) =>
          vizSide(graph, r.report, {
            label: r.label,
            side: i,
            // Sides share the page's width; a narrower viewBox keeps their text legible.
            width: compare ? 700 : 1200,
            titles: format === "svg",
            // The cap bounds the whole picture, so each side of a comparison gets its share.
            cap: Math.ceil((cap ?? 20_000) / replays.length),
            ...(compare ? scale : {}),
          })
        );
        const title = `${graph.name}: memory map and live bytes`;
        const text = format === "svg" ? vizSvg(sides, { title }) : vizHtml(sides, { title });
        await writeTextAtomic(opts.output, text, { inputs: [graphFile, opts.plan] });
        const drawn = sides.map((s) => s.hover.map.tensors.length).reduce((a, b) => a + b, 0);
        console.log(
          `wrote ${opts.output} (${
            (text.length / 1024).toFixed(0)
          } KiB): ${sides.length} side(s), ` +
            `${drawn} tensor rectangles`,
        );
        const bad = reports.filter((r) => !r.ok);
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

function outputFormat(file: string): "svg" | "html" {
  const m = /\.(svg|html?)$/i.exec(file);
  if (!m) {
    throw new InputError([{
      file: "command line",
      where: "-o/--output",
      message: `${JSON.stringify(file)} must end in .svg or .html`,
    }]);
  }
  return m[1].toLowerCase() === "svg" ? "svg" : "html";
}

interface Replay {
  label: string;
  report: Report;
}

function replay(
  g: IndexedGraph,
  input: {
    planFile?: string;
    plan?: Plan;
    resolved?: ResolvedPlan;
    allocator?: AllocatorName;
    option: string;
  },
): Replay {
  const { planFile, plan, resolved } = input;
  const allocator = input.allocator ?? (resolved?.offsets ? "static" : "best-fit");
  if (allocator === "static" && !resolved?.offsets) {
    throw new InputError([{
      file: planFile ?? "command line",
      where: planFile ? "offsets" : input.option,
      message: "the static allocator needs a plan with offsets",
    }]);
  }
  const report = simulate(g, {
    order: resolved?.order,
    offsets: allocator === "static" ? resolved?.offsets : undefined,
    capacity: resolved?.capacity,
    allocator,
  });
  const planner = typeof plan?.planner?.name === "string" ? ` (${plan.planner.name})` : "";
  const label = planFile === undefined
    ? "program order"
    : `${basename(planFile)}${planner}${resolved?.order ? "" : ", program order"}`;
  return { label, report };
}
