/**
 * A greedy budgeted planner: while the peak is over the target, drop (or
 * offload) the tensor resident at the peak with the best benefit per cost —
 * bytes times the span it stops occupying, over the cost of recomputing it
 * (offloads cost no compute, only transfer) — and bring it back just before
 * its next reader. It tries the program order and the memory-aware greedy
 * order, so it may also reorder.
 *
 * @module
 */
import { KIND } from "../../graph/kind_codes.ts";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { programOrder } from "../../graph/lifetimes.ts";
import { scheduleGreedy } from "../schedulers/greedy.ts";
import { analyseBudget, type BudgetAnalysis } from "./analysis.ts";
import { baseOrder, lastReadBefore, nextReadFrom } from "./base_order.ts";
import { measureEvents } from "./measure.ts";
import { residencies } from "../../graph/budget/events.ts";
import { DROP, noDrops } from "./rematerialize.ts";
import { rematerializeValid } from "./resolve_conflicts.ts";
import type { BudgetPlanner, BudgetPlanOptions, BudgetPlanResult } from "./types.ts";
import type { Events } from "../../graph/budget/events.ts";

/** Options of {@linkcode greedyDrops}. */
export interface GreedyDropOptions {
  /** `recompute` (default) or `offload`. */
  mode?: "recompute" | "offload";
  /** Stop after this many seconds. */
  deadline?: number;
}

interface GreedyOutcome {
  events: Events;
  peakLive: number;
  cost: number;
  fits: boolean;
  drops: number;
}

/**
 * Drops tensors from `order` one at a time until the peak live is within `budget`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { programOrder } from "../../graph/lifetimes.ts";
 * import { analyseBudget } from "./analysis.ts";
 * const g = trainingChain(4);
 * const a = analyseBudget(g); // program order peaks at 54, the bound is 29
 * assert.equal(greedyDrops(a, programOrder(g), 40).fits, true);
 * assert.equal(greedyDrops(a, programOrder(g), 30).fits, false); // above the bound, still too tight
 * ```
 */
export function greedyDrops(
  a: BudgetAnalysis,
  order: Int32Array,
  budget: number,
  options: GreedyDropOptions = {},
): GreedyOutcome {
  const g = a.g;
  const mode = options.mode === "offload" ? DROP.offload : DROP.recompute;
  const b = baseOrder(a, order);
  const drops = noDrops(g.tensorCount);
  const droppable = new Uint8Array(g.tensorCount);
  for (let t = 0; t < g.tensorCount; t++) {
    const p = g.producer[t];
    if (p < 0 || g.size[t] === 0 || g.kind[t] === KIND.output) continue;
    // An offload is never stale here: an in-place update reads the tensor, so
    // none happens in the gap between two reads where it sits on the host.
    droppable[t] = mode === DROP.offload ? 1 : a.recomputable[p];
  }
  const tried = new Set<number>();
  let dropped = 0;
  for (;;) {
    const r = rematerializeValid(a, order, drops);
    const m = measureEvents(a, r.events);
    const out = { events: r.events, peakLive: m.peakLive, cost: m.cost, drops: dropped };
    if (m.peakLive <= budget) return { ...out, fits: true };
    if (options.deadline !== undefined && performance.now() > options.deadline) {
      return { ...out, fits: false };
    }
    // The stage holding the peak event: the first base op at or after it.
    let s = 0;
    while (s + 1 < order.length && r.eventOf[s] < m.peakEvent) s++;
    let bestT = -1, bestScore = -1, bestAfter = -1;
    const res = residencies(g, r.events);
    const stageStart = s > 0 ? r.eventOf[s - 1] + 1 : 0;
    for (let i = 0; i < res.count; i++) {
      if (res.first[i] > m.peakEvent || res.last[i] < m.peakEvent) continue;
      const t = res.tensor[i];
      if (!droppable[t] || res.last[i] === m.peakEvent || res.first[i] === m.peakEvent) continue;
      // Made again in this stage: drop it after this stage; else after its last read before.
      const before = res.first[i] >= stageStart ? s : lastReadBefore(a, b, t, s);
      if (before < 0 || tried.has(t * order.length + before)) continue;
      // A tensor only a re-run reads again (no later base read) still frees its bytes
      // until that re-run, which then makes it again too.
      let next = nextReadFrom(b, t, before + 1);
      if (next < 0) next = stageOfEvent(r.eventOf, res.last[i]);
      if (next <= before) continue;
      const span = next - before;
      const cost = mode === DROP.offload ? 1 : 1 + a.costs.cost[g.producer[t]];
      const score = (g.size[t] * span) / cost;
      if (score > bestScore) {
        bestScore = score;
        bestT = t;
        bestAfter = before;
      }
    }
    if (bestT < 0) return { ...out, fits: false };
    tried.add(bestT * order.length + bestAfter); // a drop undone for a conflict is not retried
    drops.mode[bestT] = mode;
    drops.after[bestT].push(bestAfter);
    dropped++;
  }
}

/** The base position whose stage holds event e: the first with its op's event at or after e. */
function stageOfEvent(eventOf: Int32Array, e: number): number {
  let lo = 0, hi = eventOf.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (eventOf[mid] < e) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function makePlanner(mode: "recompute" | "offload") {
  return (g: IndexedGraph, options: BudgetPlanOptions): Promise<BudgetPlanResult> => {
    const t0 = performance.now();
    const a = options.analysis ?? analyseBudget(g);
    const deadline = t0 + 1000 * (options.timeLimit ?? 30);
    const bases: [string, Int32Array][] = [["program", programOrder(g)]];
    const reordered = scheduleGreedy(g).order;
    if (reordered.some((v, i) => v !== i)) bases.push(["greedy", reordered]);
    let best: (GreedyOutcome & { base: string }) | undefined;
    for (const [name, order] of bases) {
      const r = { ...greedyDrops(a, order, options.budget, { mode, deadline }), base: name };
      const better = !best || (r.fits && !best.fits) ||
        (r.fits === best.fits && (r.fits ? r.cost < best.cost : r.peakLive < best.peakLive));
      if (better) best = r;
    }
    const seconds = (performance.now() - t0) / 1000;
    const details = { base: best!.base, drops: best!.drops, mode };
    if (!best!.fits) {
      return Promise.resolve({
        status: "not_found",
        seconds,
        details: { ...details, lowestPeak: best!.peakLive },
      });
    }
    return Promise.resolve({
      events: best!.events,
      peakLive: best!.peakLive,
      cost: best!.cost,
      status: "feasible",
      seconds,
      details,
    });
  };
}

/**
 * The `greedy` budget planner (recompute).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * const g = trainingChain(4, 64);
 * const r = await greedyBudgetPlanner.plan(g, { budget: 400 });
 * assert.ok(r.peakLive! <= 400);
 * ```
 */
export const greedyBudgetPlanner: BudgetPlanner = {
  name: "greedy",
  description: "drop the best bytes-per-cost tensor at the peak, recompute before its next use",
  plan: makePlanner("recompute"),
};

/**
 * The `greedy-offload` budget planner: like `greedy`, but spills to the host.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * const g = trainingChain(4, 64);
 * const r = await greedyOffloadPlanner.plan(g, { budget: 400 });
 * assert.ok(r.peakLive! <= 400);
 * ```
 */
export const greedyOffloadPlanner: BudgetPlanner = {
  name: "greedy-offload",
  description: "offload the largest idle tensor at the peak, fetch it before its next use",
  plan: makePlanner("offload"),
};
