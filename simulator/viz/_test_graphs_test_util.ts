/**
 * Graphs and replays shared by the viz tests.
 *
 * @module
 */
import { type IndexedGraph, indexGraph } from "../../graph/indexed_graph.ts";
import { resolvePlan } from "../../graph/plan.ts";
import type { Graph, Plan } from "../../graph/types.ts";
import { type Report, simulate } from "../simulate.ts";

/**
 * testdata/graphs/tiny.json and testdata/plans/tiny.valid.json, replayed with the static allocator.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const { report } = await tinyReplay();
 * assert.equal(report.peakStep, 2);
 * ```
 */
export async function tinyReplay(): Promise<{ g: IndexedGraph; report: Report }> {
  const root = new URL("../../testdata/", import.meta.url);
  const g = indexGraph(JSON.parse(await Deno.readTextFile(new URL("graphs/tiny.json", root))));
  const plan: Plan = JSON.parse(await Deno.readTextFile(new URL("plans/tiny.valid.json", root)));
  const rp = resolvePlan(g, plan);
  return { g, report: simulate(g, { order: rp.order, offsets: rp.offsets }) };
}

/**
 * A chain of `n` ops, each reading the last few activations, with sizes from a
 * fixed pseudo-random sequence spanning four orders of magnitude: many
 * rectangles, most of them tiny.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../../graph/indexed_graph.ts";
 * const g = indexGraph(chainGraph(6000));
 * assert.equal(g.tensorCount, 6001);
 * ```
 */
export function chainGraph(n: number, name = "chain"): Graph {
  let seed = 12345;
  const rnd = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const tensors: Graph["tensors"] = [{ id: "x", size: 1 << 20, kind: "input" }];
  const ops: Graph["ops"] = [];
  for (let i = 0; i < n; i++) {
    const id = `h${i}`;
    tensors.push({ id, size: Math.round(16 * 10 ** (4 * rnd())) * 4 });
    const reads = i === 0 ? ["x"] : [`h${i - 1}`, ...(i > 5 && rnd() < 0.3 ? [`h${i - 5}`] : [])];
    ops.push({ id: `f${i}`, in: reads, out: [id] });
  }
  return { format: "memplan.graph/v1", name, tensors, ops };
}

/**
 * The `<rect …>` tags inside the `<g class="…">` group of an SVG.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { memoryMapSvg } from "./memory_map.ts";
 * const { g, report } = await tinyReplay();
 * // one rectangle per tensor
 * assert.equal(rectsIn(memoryMapSvg(g, report), "tensors").length, 6);
 * ```
 */
export function rectsIn(svg: string, group: string): string[] {
  const m = new RegExp(`<g class="${group}">(.*?)</g>`, "s").exec(svg);
  return m ? m[1].match(/<rect [^>]*>/g) ?? [] : [];
}
