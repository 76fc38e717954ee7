/**
 * What `memplan viz` reads and writes besides the picture: the output's
 * format from its name, the replays with their labels, the written file.
 *
 * @module
 */
import { basename } from "node:path";
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import { InputError } from "../graph/input_error.ts";
import type { ResolvedPlan } from "../graph/plan.ts";
import type { Plan } from "../graph/types.ts";
import { writeTextAtomic } from "../graph/write_output.ts";
import { loadResolvedPlan } from "../graph/load.ts";
import { replay } from "../pipeline/replay.ts";
import type { AllocatorName } from "../simulator/allocator.ts";
import type { Report } from "../simulator/simulate.ts";

/**
 * The picture format `file` asks for by its ending; InputError otherwise.
 *
 * @example
 * ```ts
 * outputFormat("viz.html"); // "html"
 * ```
 */
export function outputFormat(file: string): "svg" | "html" {
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

/**
 * A replay and the label its side of the picture gets.
 *
 * @example
 * ```ts
 * import { loadGraph, loadResolvedPlan } from "../graph/load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const planFile = "testdata/plans/tiny.valid.json";
 * const { plan, resolved } = await loadResolvedPlan(g, planFile);
 * labelled(g, { planFile, plan, resolved, option: "--allocator" }).label; // "tiny.valid.json"
 * ```
 */
export function labelled(
  g: IndexedGraph,
  input: {
    planFile?: string;
    plan?: Plan;
    resolved?: ResolvedPlan;
    allocator?: AllocatorName;
    option: string;
  },
): { label: string; report: Report } {
  const { planFile, plan, resolved } = input;
  const report = replay(g, {
    resolved,
    allocator: input.allocator,
    planFile,
    allocatorOption: input.option,
  });
  const planner = typeof plan?.planner?.name === "string" ? ` (${plan.planner.name})` : "";
  const label = planFile === undefined
    ? "program order"
    : `${basename(planFile)}${planner}${resolved?.order ? "" : ", program order"}`;
  return { label, report };
}

/**
 * Writes the picture; a missing folder or no permission is bad input, named.
 *
 * @example
 * ```ts
 * await writeOutput(await Deno.makeTempFile({ suffix: ".svg" }), "<svg/>");
 * ```
 */
export async function writeOutput(file: string, text: string): Promise<void> {
  try {
    await writeTextAtomic(file, text);
  } catch (e) {
    if (e instanceof Deno.errors.NotFound || e instanceof Deno.errors.PermissionDenied) {
      throw new InputError([{
        file,
        where: "-o/--output",
        message: e instanceof Deno.errors.NotFound
          ? "cannot write the picture: its directory does not exist"
          : "cannot write the picture: permission denied",
      }]);
    }
    throw e;
  }
}

/**
 * The replays `memplan viz` draws, left to right: the `--compare` plan or
 * `--compare-allocator` replay when asked for, then the main one.
 *
 * @example
 * ```ts
 * import { loadGraph } from "../graph/load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * (await vizReplays(g, { compareAllocator: "pytorch" })).map((r) => r.label); // two "program order"
 * ```
 */
export async function vizReplays(
  g: IndexedGraph,
  opts: {
    planFile?: string;
    plan?: Plan;
    resolved?: ResolvedPlan;
    allocator?: AllocatorName;
    compare?: string;
    compareAllocator?: AllocatorName;
  },
): Promise<{ label: string; report: Report }[]> {
  const { planFile, plan, resolved, allocator } = opts;
  const replays = [labelled(g, { planFile, plan, resolved, allocator, option: "--allocator" })];
  if (opts.compare === undefined && opts.compareAllocator === undefined) return replays;
  const second = opts.compare !== undefined ? await loadResolvedPlan(g, opts.compare) : undefined;
  replays.unshift(labelled(g, {
    planFile: opts.compare,
    plan: second?.plan,
    resolved: second?.resolved,
    allocator: opts.compareAllocator,
    option: "--compare-allocator",
  }));
  return replays;
}
