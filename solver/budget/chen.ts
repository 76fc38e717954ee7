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
import { scheduleGreedy } from "../schedulers/greedy.ts";
import { analyseBudget, type BudgetAnalysis } from "./analysis.ts";
import { baseOrder, lastReadBefore, nextReadFrom } from "./base_order.ts";
import { measureEvents } from "./measure.ts";
import { DROP, type Drops, noDrops } from "./rematerialize.ts";
import { rematerializeValid } from "./resolve_conflicts.ts";
import type { BudgetPlanner, BudgetPlanOptions, BudgetPlanResult } from "./types.ts";
import type { Events } from "../../graph/budget/events.ts";

/**
 * The drops of segments of `segment` forward ops in program order (or, given
 * a 0/1 array over base positions, segments ending where it is 1): every
 * recomputable forward activation is dropped after its last forward read,
 * except those made by the last op of a segment; a re-run before the backward
 * pass makes again what it needs.
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
export function chenDrops(
  a: BudgetAnalysis,
  order: Int32Array,
  segment: number | Uint8Array,
): Drops {
  const g = a.g;
  const b = baseOrder(a, order);
  const drops = noDrops(g.tensorCount);
  for (let t = 0; t < g.tensorCount; t++) {
    const p = g.producer[t];
    if (p < 0 || !a.recomputable[p] || g.size[t] === 0) continue;
    const at = b.pos[p];
    const end = typeof segment === "number" ? (at + 1) % segment === 0 : segment[at] === 1;
    if (at >= b.backwardStart || end) continue;
    // Also one the backward pass never reads: a re-run of its reader would
    // otherwise find it still resident and keep it so until then.
    drops.mode[t] = DROP.recompute;
    drops.after[t] = [lastReadBefore(a, b, t, b.backwardStart)];
  }
  return drops;
}

/** One Chen plan: events, peak live and recomputed cost of a segment length. */
export interface ChenPlan {
  /** Forward ops per segment; 0 when segments end by bytes (`segmentBytes`). */
  segment: number;
  /** Per-segment bytes of the budgeted segmentation ({@linkcode chenSegmentEnds}). */
  segmentBytes?: number;
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

/**
 * Chen's budgeted segmentation (the paper's greedy with a per-segment budget):
 * walk the forward pass adding the bytes of the activations the backward pass
 * reads, and end a segment where the sum since the last end exceeds `bytes`.
 * Unlike fixed lengths it follows where the big activations are.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { programOrder } from "../../graph/lifetimes.ts";
 * import { analyseBudget } from "./analysis.ts";
 * const g = trainingChain(4, [8, 8, 64, 8, 8]); // a2 is the big one
 * const ends = chenSegmentEnds(analyseBudget(g), programOrder(g), 60);
 * assert.deepEqual(Array.from(ends.subarray(0, 4)), [0, 1, 0, 0]); // f2 makes 64 bytes: a segment ends
 * ```
 */
export function chenSegmentEnds(a: BudgetAnalysis, order: Int32Array, bytes: number): Uint8Array {
  const saved = savedBytesByStep(a, order).bytes;
  const ends = new Uint8Array(order.length);
  let sum = 0;
  for (let s = 0; s < saved.length; s++) {
    sum += saved[s];
    if (sum > bytes) {
      ends[s] = 1;
      sum = 0;
    }
  }
  return ends;
}

/** Per-segment byte budgets to sweep: a geometric ladder over the forward activations' bytes. */
function segmentBudgets(a: BudgetAnalysis, order: Int32Array): number[] {
  const { bytes, smallest } = savedBytesByStep(a, order);
  const total = bytes.reduce((x, y) => x + y, 0);
  const out: number[] = [];
  for (let x = smallest; x < total && out.length < 64; x *= 1.25) out.push(Math.floor(x));
  return out;
}

/**
 * Bytes made at each forward step that the backward pass reads again, and the
 * smallest such nonzero tensor: what the byte-budget segmentation counts.
 */
function savedBytesByStep(
  a: BudgetAnalysis,
  order: Int32Array,
): { bytes: number[]; smallest: number } {
  const g = a.g;
  const b = baseOrder(a, order);
  const bytes: number[] = [];
  let smallest = Infinity;
  for (let s = 0; s < b.backwardStart; s++) {
    const v = order[s];
    let sum = 0;
    for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) {
      const t = g.outList[k];
      if (g.size[t] > 0 && nextReadFrom(b, t, b.backwardStart) >= 0) {
        sum += g.size[t];
        smallest = Math.min(smallest, g.size[t]);
      }
    }
    bytes.push(sum);
  }
  return { bytes, smallest };
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
  // The sweep stops at the limit (default none) with the best plan so far:
  // each length costs a rematerialisation of the whole step (0.1-0.2 s at
  // 20,000 tensors), and a sweep of both bases took 2.5 s under a 1.2 s limit.
  const deadline = t0 + (options.timeLimit ?? Infinity) * 1000;
  let stopped = false;
  const a = options.analysis ?? analyseBudget(g);
  let best: (ChenPlan & { base: string }) | undefined;
  let lowest: (ChenPlan & { base: string }) | undefined;
  // Segments of the program order, and of the memory-aware order when it differs
  // (checkpointing cannot undo a forward pass that holds too much at once).
  const bases: [string, Int32Array][] = [["program", programOrder(g)]];
  const reordered = scheduleGreedy(g).order;
  if (reordered.some((v, i) => v !== i)) bases.push(["greedy", reordered]);
  for (const [base, order] of bases) {
    const forward = baseOrder(a, order).backwardStart;
    const on = (segment: number | Uint8Array, extra: Partial<ChenPlan>) => {
      if (stopped) return;
      if (lowest && performance.now() > deadline) {
        stopped = true;
        return;
      }
      const { events } = rematerializeValid(a, order, chenDrops(a, order, segment));
      const m = measureEvents(a, events);
      const k = typeof segment === "number" ? segment : 0;
      const plan = { segment: k, ...extra, events, peakLive: m.peakLive, cost: m.cost, base };
      if (!lowest || plan.peakLive < lowest.peakLive) lowest = plan;
      if (plan.peakLive <= options.budget && (!best || plan.cost < best.cost)) best = plan;
    };
    on(1, {}); // segments of one op: nothing dropped
    for (const k of segmentLengths(forward)) on(k, {});
    for (const bytes of segmentBudgets(a, order)) {
      on(chenSegmentEnds(a, order, bytes), { segmentBytes: bytes });
    }
  }
  const forward = baseOrder(a, programOrder(g)).backwardStart;
  const seconds = (performance.now() - t0) / 1000;
  if (!best) {
    return Promise.resolve({
      status: stopped ? "timeout" : "not_found",
      seconds,
      details: {
        lowestPeak: lowest!.peakLive,
        lowestBase: lowest!.base,
        lowestSegment: lowest!.segment,
        ...(lowest!.segmentBytes !== undefined ? { lowestSegmentBytes: lowest!.segmentBytes } : {}),
      },
    });
  }
  return Promise.resolve({
    events: best.events,
    peakLive: best.peakLive,
    cost: best.cost,
    status: "feasible",
    seconds,
    details: {
      ...(stopped ? { sweep: "stopped at the time limit" } : {}),
      base: best.base,
      segment: best.segment,
      ...(best.segmentBytes !== undefined ? { segmentBytes: best.segmentBytes } : {}),
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
  description:
    "Chen et al. 2016 segment checkpointing (√n, a sweep of segment lengths, and of per-segment byte budgets)",
  plan: planChen,
};
