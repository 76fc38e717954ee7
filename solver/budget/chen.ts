/**
 * Chen et al. 2016's checkpointing: cut the forward pass into segments, keep
 * the activations the backward pass needs only at segment ends, and recompute
 * each segment's forward once, just before its backward. With segments of
 * √n forward ops it costs about one extra forward pass; under a budget the
 * segment length is swept and the cheapest plan within the budget kept.
 *
 * @module
 */
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { programOrder } from "../../graph/lifetimes.ts";
import { analyseBudget, type BudgetAnalysis } from "./analysis.ts";
import { baseOrder, lastReadBefore, nextReadFrom } from "./base_order.ts";
import { measureEvents } from "./measure.ts";
import { DROP, type Drops, noDrops } from "./rematerialize.ts";
import { rematerializeValid } from "./resolve_conflicts.ts";
import type { BudgetPlanner, BudgetPlanOptions, BudgetPlanResult } from "./types.ts";
import type { Events } from "../../graph/budget/events.ts";

/**
 * The drops of segments of `segment` forward ops in program order: every
 * recomputable forward activation that the backward pass reads is dropped
 * after its last forward read, except those made by the last op of a segment.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { programOrder } from "../../graph/lifetimes.ts";
 * import { analyseBudget } from "./analysis.ts";
 * const g = trainingChain(4);
 * const a = analyseBudget(g);
 * const drops = chenDrops(a, programOrder(g), 2);
 * assert.deepEqual(g.tensorIds.filter((_, t) => drops.mode[t] !== 0), ["a1", "a3"]);
 * ```
 */
export function chenDrops(a: BudgetAnalysis, order: Int32Array, segment: number): Drops {
  const g = a.g;
  const b = baseOrder(a, order);
  const drops = noDrops(g.tensorCount);
  for (let t = 0; t < g.tensorCount; t++) {
    const p = g.producer[t];
    if (p < 0 || !a.recomputable[p] || g.size[t] === 0) continue;
    const at = b.pos[p];
    if (at >= b.backwardStart || (at + 1) % segment === 0) continue;
    if (nextReadFrom(b, t, b.backwardStart) < 0) continue;
    drops.mode[t] = DROP.recompute;
    drops.after[t] = [lastReadBefore(a, b, t, b.backwardStart)];
  }
  return drops;
}

/** One Chen plan: events, peak live and recomputed cost of a segment length. */
export interface ChenPlan {
  segment: number;
  events: Events;
  peakLive: number;
  cost: number;
}

/**
 * Chen's plan with segments of `segment` forward ops (default ⌈√(forward ops)⌉).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { analyseBudget } from "./analysis.ts";
 * const a = analyseBudget(trainingChain(16));
 * const { cost } = chenPlan(a);
 * const forward = a.costs.cost.slice(0, 16).reduce((s, c) => s + c, 0);
 * assert.ok(cost > 0 && cost <= forward); // at most one forward pass (204 of 272 here)
 * ```
 */
export function chenPlan(a: BudgetAnalysis, segment?: number): ChenPlan {
  const order = programOrder(a.g);
  const forward = baseOrder(a, order).backwardStart;
  const k = segment ?? Math.max(1, Math.ceil(Math.sqrt(forward)));
  const { events } = rematerializeValid(a, order, chenDrops(a, order, k));
  const m = measureEvents(a, events);
  return { segment: k, events, peakLive: m.peakLive, cost: m.cost };
}

/** Segment lengths to try: all up to 64 forward ops, then a geometric sample. */
function segmentLengths(forward: number): number[] {
  const out = new Set<number>([Math.max(1, Math.ceil(Math.sqrt(forward)))]);
  for (let k = 2; k <= Math.min(forward + 1, 64); k++) out.add(k);
  for (let k = 64; k <= forward + 1; k = Math.ceil(k * 1.25)) out.add(k);
  out.add(forward + 1);
  return [...out];
}

/**
 * Sweeps segment lengths; returns the cheapest plan within the budget.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * const g = trainingChain(4, 64);
 * const r = await planChen(g, { budget: 400 });
 * assert.ok(r.peakLive! <= 400);
 * ```
 */
export function planChen(g: IndexedGraph, options: BudgetPlanOptions): Promise<BudgetPlanResult> {
  const t0 = performance.now();
  const a = options.analysis ?? analyseBudget(g);
  const forward = baseOrder(a, programOrder(g)).backwardStart;
  let best: ChenPlan | undefined, lowest: ChenPlan | undefined;
  const keepAll = chenPlan(a, 1);
  for (const plan of [keepAll, ...segmentLengths(forward).map((k) => chenPlan(a, k))]) {
    if (!lowest || plan.peakLive < lowest.peakLive) lowest = plan;
    if (plan.peakLive > options.budget) continue;
    if (!best || plan.cost < best.cost) best = plan;
  }
  const seconds = (performance.now() - t0) / 1000;
  if (!best) {
    return Promise.resolve({
      status: "not_found",
      seconds,
      details: { lowestPeak: lowest!.peakLive, lowestSegment: lowest!.segment },
    });
  }
  return Promise.resolve({
    events: best.events,
    peakLive: best.peakLive,
    cost: best.cost,
    status: "feasible",
    seconds,
    details: {
      segment: best.segment,
      forwardOps: forward,
      sqrtSegment: Math.ceil(Math.sqrt(forward)),
    },
  });
}

/**
 * The `chen` budget planner.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * const g = trainingChain(4, 64);
 * const r = await chenPlanner.plan(g, { budget: 400 });
 * assert.ok(r.peakLive! <= 400);
 * ```
 */
export const chenPlanner: BudgetPlanner = {
  name: "chen",
  description: "Chen et al. 2016 segment checkpointing (√n and a sweep of segment lengths)",
  plan: planChen,
};
