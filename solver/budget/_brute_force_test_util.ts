/**
 * Brute force over stage-form recompute plans of the program order, judged by
 * the simulator: the reference the MILP's optimum must equal on tiny graphs.
 */
import { EVENT } from "../../graph/budget/events.ts";
import { residencies } from "../../graph/budget/events.ts";
import { recomputableOps } from "../../graph/budget/recompute_rules.ts";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { replayBudgetPlan } from "../../simulator/budget/replay.ts";

/** Every (stage, op) re-run slot; throws past `maxSlots` (2^slots plans are replayed). */
function slots(g: IndexedGraph, maxSlots: number): [number, number][] {
  const ok = recomputableOps(g);
  const out: [number, number][] = [];
  for (let t = 1; t < g.opCount; t++) for (let i = 0; i < t; i++) if (ok[i]) out.push([t, i]);
  if (out.length > maxSlots) throw new Error(`${out.length} slots: too many to enumerate`);
  return out;
}

/**
 * Peak live and recompute cost of every valid stage-form plan of the program order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * const plans = bruteForcePlans(trainingChain(1));
 * assert.ok(plans.some((p) => p.cost === 0)); // the program order itself
 * ```
 */
export function bruteForcePlans(g: IndexedGraph, maxSlots = 16): { peak: number; cost: number }[] {
  const all = slots(g, maxSlots);
  const out: { peak: number; cost: number }[] = [];
  for (let mask = 0; mask < 2 ** all.length; mask++) {
    const target: number[] = [];
    for (let t = 0; t < g.opCount; t++) {
      for (let b = 0; b < all.length; b++) {
        if (all[b][0] === t && (mask & (2 ** b)) !== 0) target.push(all[b][1]);
      }
      target.push(t);
    }
    const events = {
      kind: new Uint8Array(target.length).fill(EVENT.run),
      target: Int32Array.from(target),
    };
    const r = replayBudgetPlan(g, events, residencies(g, events));
    const semantic = r.violations.filter((v) =>
      v.kind !== "overlap" && v.kind !== "out_of_capacity"
    );
    if (semantic.length === 0) out.push({ peak: r.peakLive, cost: r.recomputedCost });
  }
  return out;
}

/**
 * Least recompute cost among `plans` with peak live within `budget`, or Infinity.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const plans = [{ peak: 10, cost: 0 }, { peak: 8, cost: 5 }, { peak: 7, cost: 9 }];
 * assert.equal(bruteForceCost(plans, 8), 5);
 * assert.equal(bruteForceCost(plans, 6), Infinity);
 * ```
 */
export function bruteForceCost(plans: { peak: number; cost: number }[], budget: number): number {
  let best = Infinity;
  for (const p of plans) if (p.peak <= budget && p.cost < best) best = p.cost;
  return best;
}
