/**
 * The greedy scheduler: a small portfolio of memory-aware list-scheduling
 * rules and a reverse depth-first order, judged by peak live as graph/metrics.ts
 * measures it; the best order wins.
 *
 * @module
 */
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { lifetimes, programOrder } from "../../graph/lifetimes.ts";
import { peakLive } from "../../graph/metrics.ts";
import { isValidOrder } from "../../graph/order_check.ts";
import type { Schedule } from "../../graph/types.ts";
import type { ScheduleOptions, Scheduler, ScheduleResult } from "../types.ts";
import { listSchedule } from "./_list_schedule.ts";
import { orderLowerBound } from "../../graph/bounds/order_bound.ts";
import { reverseDfsSchedule } from "./_reverse_dfs.ts";

/** One way to build an order; the greedy scheduler tries each in turn. */
export interface GreedyVariant {
  readonly name: string;
  build(g: IndexedGraph): Schedule;
}

/**
 * The variants, in the order they are tried. Program order comes first so a
 * tie keeps the order the framework would run; each later one must strictly
 * beat the best so far.
 */
export const GREEDY_VARIANTS: readonly GreedyVariant[] = [
  { name: "program", build: programOrder },
  {
    name: "net-program",
    build: (g) => listSchedule(g, { primary: "net", lookahead: false, tie: "program" }),
  },
  {
    name: "net-lifo",
    build: (g) => listSchedule(g, { primary: "net", lookahead: false, tie: "lifo" }),
  },
  {
    name: "lookahead-program",
    build: (g) => listSchedule(g, { primary: "net", lookahead: true, tie: "program" }),
  },
  {
    name: "lookahead-lifo",
    build: (g) => listSchedule(g, { primary: "net", lookahead: true, tie: "lifo" }),
  },
  {
    name: "alloc-net",
    build: (g) => listSchedule(g, { primary: "alloc", lookahead: false, tie: "program" }),
  },
  { name: "reverse-dfs", build: reverseDfsSchedule },
];

/** Options of {@linkcode scheduleGreedy}. */
export interface GreedyScheduleOptions extends ScheduleOptions {
  /** Names of {@linkcode GREEDY_VARIANTS} to try; default all. */
  variants?: readonly string[];
}

/**
 * Tries every variant (until `timeLimit` seconds have passed; the first always
 * runs) and returns the order of least peak live. The status is `optimal` only
 * when that peak equals {@linkcode orderLowerBound}, `timeout` when the time
 * limit skipped variants, else `feasible`. O((V + E) log V) per variant.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../../graph/indexed_graph.ts";
 * import { programOrderPeak } from "../../graph/metrics.ts";
 * import type { Graph } from "../../graph/types.ts";
 * // three branches x -> p_i -> big_i (10) -> q_i -> small_i (1), joined by j;
 * // the program order runs p1 p2 p3 first and holds the three bigs at once
 * const graph: Graph = { format: "memplan.graph/v1", name: "three-branch", tensors: [], ops: [] };
 * graph.tensors.push({ id: "x", size: 2, kind: "input" }, { id: "y", size: 1, kind: "output" });
 * for (const i of [1, 2, 3]) {
 *   graph.tensors.push({ id: `big${i}`, size: 10 }, { id: `small${i}`, size: 1 });
 *   graph.ops.push({ id: `p${i}`, in: ["x"], out: [`big${i}`] });
 * }
 * for (const i of [1, 2, 3]) graph.ops.push({ id: `q${i}`, in: [`big${i}`], out: [`small${i}`] });
 * graph.ops.push({ id: "j", in: ["small1", "small2", "small3"], out: ["y"] });
 * const g = indexGraph(graph);
 * const r = scheduleGreedy(g);
 * assert.equal(programOrderPeak(g).bytes, 32);
 * assert.equal(r.peakLive, 14); // p1 q1 p2 q2 p3 q3 j
 * assert.equal(r.details?.variant, "net-program");
 * ```
 */
export function scheduleGreedy(
  g: IndexedGraph,
  options: GreedyScheduleOptions = {},
): ScheduleResult {
  const t0 = performance.now();
  const wanted = options.variants ?? GREEDY_VARIANTS.map((v) => v.name);
  const variants = wanted.map((name) => {
    const v = GREEDY_VARIANTS.find((x) => x.name === name);
    if (!v) {
      const valid = GREEDY_VARIANTS.map((x) => x.name).join(", ");
      throw new Error(`unknown greedy variant ${JSON.stringify(name)}; valid: ${valid}`);
    }
    return v;
  });
  if (variants.length === 0) throw new Error("scheduleGreedy needs at least one variant");
  const bound = orderLowerBound(g, { orders: [programOrder(g)] }).bytes;
  const peaks: Record<string, number> = {};
  let best: { name: string; order: Schedule; peak: number } | undefined;
  let skipped = 0;
  for (const variant of variants) {
    if (best && options.timeLimit !== undefined && elapsed(t0) >= options.timeLimit) {
      skipped++;
      continue;
    }
    const order = variant.build(g);
    // Cheap next to building it, and a wrong order here would be silently scored.
    if (!isValidOrder(g, order)) {
      throw new Error(`greedy variant ${variant.name} built an invalid order`);
    }
    const peak = peakLive(g, lifetimes(g, order)).bytes;
    peaks[variant.name] = peak;
    if (!best || peak < best.peak) best = { name: variant.name, order, peak };
    if (best.peak === bound) break; // proved optimal: nothing can beat it
  }
  const { name, order, peak } = best!;
  return {
    order,
    peakLive: peak,
    status: peak === bound ? "optimal" : skipped > 0 ? "timeout" : "feasible",
    seconds: elapsed(t0),
    bound,
    details: { variant: name, peaks },
  };
}

function elapsed(t0: number): number {
  return (performance.now() - t0) / 1000;
}

/**
 * The `greedy` scheduler.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * const g = await loadGraph("testdata/graphs/branchy.json");
 * const { order, peakLive } = await greedyScheduler.schedule(g);
 * assert.deepEqual([order.length, peakLive], [6, 15]);
 * ```
 */
export const greedyScheduler: Scheduler = {
  name: "greedy",
  description:
    "memory-aware list scheduling (several tie-break rules) and reverse DFS; keeps the lowest peak live",
  schedule: (g, options) => Promise.resolve(scheduleGreedy(g, options)),
};
