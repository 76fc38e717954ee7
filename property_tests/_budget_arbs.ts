/**
 * Inputs of property 8: graphs with budgets, tiny graphs with the oracle's
 * plans, and valid recompute or offload plans to plant faults in. Shared by
 * p8_budget_test.ts and p8_mutants_test.ts.
 *
 * @module
 */
import fc from "npm:fast-check@4.10.2";
import { runEvents } from "../graph/budget/events.ts";
import { type IndexedGraph, indexGraph } from "../graph/indexed_graph.ts";
import { programOrder } from "../graph/lifetimes.ts";
import { analyseBudget } from "../solver/budget/analysis.ts";
import { measureEvents } from "../solver/budget/measure.ts";
import { planUnderBudget } from "../solver/budget/plan_budget.ts";
import { oraclePlans, oracleSlots } from "./_budget_oracle.ts";
import type { ValidPlan } from "./_budget_faults.ts";
import { recomputesOrOffloads } from "./_budget_properties.ts";
import { arbTrainingGraph } from "./arb_training_graph.ts";
import { arbChainGraph } from "./arb_chain_graph.ts";
import { arbDagGraph } from "./arb_dag_graph.ts";
import type { Graph } from "../graph/types.ts";

/**
 * Training graphs (random training steps, and deep chains where recompute
 * pays) and a budget drawn from below the bound to above the program-order peak.
 */
export const graphAndBudget = (maxLayers: number, chainsOnly = false) =>
  fc.tuple(
    chainsOnly ? arbChainGraph(maxLayers + 2) : fc.oneof(
      arbTrainingGraph({ maxLayers }).map((raw) => indexGraph(raw)),
      arbChainGraph(maxLayers + 2),
    ),
    // Integers, not doubles: fast-check's doubles cluster at the ends of the range.
    fc.integer({ min: chainsOnly ? 400 : -100, max: 1050 }).map((x) => x / 1000),
  ).map(([g, f]) => {
    const a = analyseBudget(g);
    const peak = measureEvents(a, runEvents(programOrder(g))).peakLive;
    return { g, budget: Math.max(0, Math.floor(a.bound + f * (peak - a.bound))) };
  });

/** Tiny graphs whose stage-form plans the oracle enumerates (at most 2^12). */
export const tinyGraphs = () =>
  fc.oneof(arbTrainingGraph({ maxLayers: 1 }).map((raw) => indexGraph(raw)), arbChainGraph(2))
    .filter((g) => {
      const slots = oracleSlots(g);
      return slots >= 1 && slots <= 12;
    });

/**
 * A tiny graph, its oracle plans, and budgets: its program-order peak and a
 * few drawn among the valid plans' peaks below it.
 */
export const tinyGraphAndBudgets = () =>
  fc.tuple(
    tinyGraphs(),
    fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 3 }),
  ).map(([g, picks]) => {
    const plans = oraclePlans(g);
    // plans[0] runs every op once: budgets from its peak down, where recompute is what pays.
    const loosest = plans[0].peak;
    const peaks = [
      ...new Set(plans.filter((p) => p.valid && p.peak <= loosest).map((p) => p.peak)),
    ];
    const budgets = [loosest, ...picks.map((k) => peaks[k % peaks.length])];
    return { g, plans, budgets };
  });

/** A valid plan that recomputes or offloads, from a heuristic at a tight budget. */
export async function tightPlan(g: IndexedGraph, planner: string): Promise<ValidPlan | undefined> {
  const a = analyseBudget(g);
  const peak = measureEvents(a, runEvents(programOrder(g))).peakLive;
  for (const f of [0.9, 0.75, 0.6]) {
    const r = await planUnderBudget(g, {
      budget: Math.floor(a.bound + f * (peak - a.bound)),
      planner,
      placer: "greedy-size",
    });
    if (r.status === "planned" && recomputesOrOffloads(r.events!)) {
      return { events: r.events!, offsets: r.offsets! };
    }
  }
  return undefined;
}

/**
 * Lists a graph's ops in another topological order (data and `after` edges
 * kept): `priority[i]` ranks op i among the ops ready at the same time. The
 * oracle enumerates plans around the listed order, so this reaches other orders.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../graph/budget/training_chain.ts";
 * const g = trainingChain(2).graph; // f1 f2 loss b2 b1 u1 u2; u2 needs only f2 and b2
 * const ids = relistOps(g, [0, 0, 0, 0, 0, 9, 0]).ops.map((o) => o.id);
 * assert.deepEqual(ids, ["f1", "f2", "loss", "b2", "b1", "u2", "u1"]); // u1 ranked last
 * ```
 */
export function relistOps(g: Graph, priority: number[]): Graph {
  const producer = new Map<string, number>();
  g.ops.forEach((o, i) => o.out.forEach((t) => producer.set(t, i)));
  const index = new Map(g.ops.map((o, i) => [o.id, i]));
  const preds = g.ops.map((o) => [
    ...new Set([
      ...o.in.map((t) => producer.get(t) ?? -1).filter((p) => p >= 0),
      ...(o.after ?? []).map((id) => index.get(id)!),
    ]),
  ]);
  const placed = new Array<boolean>(g.ops.length).fill(false);
  const out: Graph["ops"] = [];
  while (out.length < g.ops.length) {
    let pick = -1;
    for (let i = 0; i < g.ops.length; i++) {
      if (placed[i] || !preds[i].every((p) => placed[p])) continue;
      if (pick < 0 || (priority[i] ?? 0) < (priority[pick] ?? 0)) pick = i;
    }
    placed[pick] = true;
    out.push(g.ops[pick]);
  }
  return { ...g, ops: out };
}

/**
 * Tiny graphs listed in a random topological order, with the oracle's plans
 * of that order: random DAGs (in-place updates with `after` edges), and
 * training steps where recompute pays with some ops turned into random draws
 * (which may not re-run).
 */
export const tinyDagsAndPlans = () =>
  fc.tuple(
    fc.oneof(
      arbDagGraph({ minOps: 2, maxOps: 6, maxSize: 64, afterPercent: 40 }),
      fc.tuple(
        fc.oneof(arbTrainingGraph({ maxLayers: 1 }), arbChainGraph(2).map((g) => g.graph)),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
      ).map(([raw, draw]) => ({
        ...raw,
        ops: raw.ops.map((
          o,
          i,
        ) => (draw[i % 12] && i % 3 === 0 ? { ...o, type: "aten.dropout" } : o)),
      })),
    ),
    fc.array(fc.nat(9), { minLength: 12, maxLength: 12 }),
  ).map(([raw, priority]) => indexGraph(relistOps(raw, priority)))
    .filter((g) => {
      const slots = oracleSlots(g);
      return slots >= 1 && slots <= 10;
    })
    .map((g) => ({ g, plans: oraclePlans(g, 10) }));
