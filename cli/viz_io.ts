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
 * The picture format `file` asks for by its ending (`-`, standard output: SVG);
 * InputError otherwise.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(outputFormat("viz.html"), "html");
 * assert.equal(outputFormat("-"), "svg"); // standard output
 * assert.throws(() => outputFormat("viz.png"));
 * ```
 */
export function outputFormat(file: string): "svg" | "html" {
  if (file === "-") return "svg";
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
 * import assert from "node:assert/strict";
 * import { loadGraph, loadResolvedPlan } from "../graph/load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const planFile = "testdata/plans/tiny.valid.json";
 * const { plan, resolved } = await loadResolvedPlan(g, planFile);
 * const side = labelled(g, { planFile, plan, resolved, option: "--allocator" });
 * assert.equal(side.label, "tiny.valid.json"); // a plan naming no planner
 * assert.equal(side.report.allocator, "static");
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
 * Writes the picture, never over one of the command's inputs; a missing folder
 * or no permission is bad input, named (see graph/write_output.ts).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const dir = await Deno.makeTempDir();
 * await writeOutput(`${dir}/viz.svg`, "<svg/>");
 * assert.equal(await Deno.readTextFile(`${dir}/viz.svg`), "<svg/>");
 * await assert.rejects(writeOutput(`${dir}/no/such/viz.svg`, "<svg/>")); // an InputError naming the file
 * await Deno.remove(dir, { recursive: true });
 * ```
 */
export async function writeOutput(
  file: string,
  text: string,
  inputs: readonly (string | undefined)[] = [],
): Promise<void> {
  await writeTextAtomic(file, text, { inputs });
}

/**
 * The replays `memplan viz` draws, left to right: the `--compare` plan or
 * `--compare-allocator` replay when asked for, then the main one.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const replays = await vizReplays(g, { compareAllocator: "pytorch" });
 * assert.deepEqual(replays.map((r) => [r.label, r.report.allocator]), [
 *   ["program order", "pytorch"],
 *   ["program order", "best-fit"],
 * ]);
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
