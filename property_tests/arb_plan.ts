/**
 * Random plans for a graph, valid or not: the order absent, topological, or
 * any permutation (maybe running readers before producers); offsets stacked
 * (valid), shifted, or random (overlapping, maybe misaligned); some offsets
 * missing; maybe a capacity. Every plan's order is a permutation of the ops,
 * the one thing the naive verifier does not judge.
 *
 * @module
 */
import fc from "npm:fast-check@4.10.2";
import type { Graph, Plan } from "../graph/types.ts";
import { topologicalOrderByPriority } from "../testkit/topological_order.ts";

/** How the order is drawn. */
export type OrderKind = "absent" | "topological" | "any";

/** How the offsets are drawn. */
export type OffsetKind = "none" | "stacked" | "shifted" | "random";

/** Constraints of {@linkcode arbPlan}. */
export interface PlanConstraints {
  /** Default all three. */
  orderKinds?: readonly OrderKind[];
  /** Default all four. */
  offsetKinds?: readonly OffsetKind[];
  /**
   * Chance, in percent, that a plan leaves offsets out (then each tensor's is
   * left out with chance 1 in 8); default 20.
   */
  missingPercent?: number;
  /** Chance, in percent, of a capacity; default 30. */
  capacityPercent?: number;
}

/** A graph and a plan for it. */
export interface GraphAndPlan {
  graph: Graph;
  plan: Plan;
}

/**
 * A graph from `graphs` and a random plan for it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import fc from "npm:fast-check@4.10.2";
 * import { naiveVerify } from "../simulator/naive_verify.ts";
 * import { arbDagGraph } from "./arb_dag_graph.ts";
 * for (const { graph, plan } of fc.sample(arbPlan(arbDagGraph()), { numRuns: 20, seed: 1 })) {
 *   assert.equal(typeof naiveVerify(graph, plan).valid, "boolean"); // never throws
 * }
 * ```
 */
export function arbPlan(
  graphs: fc.Arbitrary<Graph>,
  c: PlanConstraints = {},
): fc.Arbitrary<GraphAndPlan> {
  const orderKinds = c.orderKinds ?? ["absent", "topological", "any"];
  const offsetKinds = c.offsetKinds ?? ["none", "stacked", "shifted", "random"];
  const missing = c.missingPercent ?? 20;
  const capacityPercent = c.capacityPercent ?? 30;
  return graphs.chain((graph) => {
    const V = graph.ops.length, T = graph.tensors.length;
    return fc.record({
      orderKind: fc.constantFrom(...orderKinds),
      priorities: fc.array(fc.nat(), { minLength: V, maxLength: V }),
      offsetKind: fc.constantFrom(...offsetKinds),
      picks: fc.array(fc.nat(), { minLength: T, maxLength: T }),
      dropping: fc.integer({ min: 0, max: 99 }).map((x) => x < missing),
      drop: fc.array(fc.nat(7), { minLength: T, maxLength: T }),
      unaligned: fc.boolean(),
      capacity: capacityPercent <= 0 ? fc.constant(null) : fc.oneof(
        { weight: Math.max(1, 100 - capacityPercent), arbitrary: fc.constant(null) },
        { weight: capacityPercent, arbitrary: fc.nat() },
      ),
    }).map((r) => ({ graph, plan: buildRandomPlan(graph, r) }));
  });
}

function buildRandomPlan(
  graph: Graph,
  r: {
    orderKind: OrderKind;
    priorities: number[];
    offsetKind: OffsetKind;
    picks: number[];
    dropping: boolean;
    drop: number[];
    unaligned: boolean;
    capacity: number | null;
  },
): Plan {
  const plan: Plan = { format: "memplan.plan/v1", graph: graph.name };
  if (r.orderKind === "topological") plan.order = topologicalOrderByPriority(graph, r.priorities);
  if (r.orderKind === "any") {
    plan.order = graph.ops.map((o, i) => ({ id: o.id, key: r.priorities[i] }))
      .sort((a, b) => a.key - b.key).map((x) => x.id);
  }
  if (r.offsetKind === "none") return plan;
  const align = graph.alignment ?? 1;
  const total = graph.tensors.reduce((s, t) => s + t.size, 0);
  const unit = r.unaligned ? 1 : align;
  const offsets: Record<string, number> = Object.create(null); // ids may be "__proto__"
  let top = 0;
  graph.tensors.forEach((t, i) => {
    const pick = r.picks[i];
    let offset: number;
    if (r.offsetKind === "random" || (r.offsetKind === "shifted" && pick % 4 === 0)) {
      offset = unit * (pick % (Math.floor(total / unit) + 1));
    } else {
      // Stacked: each tensor above the last, with a small aligned gap; never overlapping.
      offset = top + align * (pick % 3);
      top = offset + Math.ceil(t.size / align) * align;
    }
    if (!r.dropping || r.drop[i] !== 0) offsets[t.id] = offset;
  });
  plan.offsets = offsets;
  if (r.capacity !== null) plan.capacity = r.capacity % (total + 2);
  return plan;
}

/**
 * Constraints of a plan that is valid by construction: program or a
 * topological order, buffers stacked so none overlap, every offset given, no
 * capacity.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import fc from "npm:fast-check@4.10.2";
 * import { indexGraph } from "../graph/indexed_graph.ts";
 * import { simulatePlan } from "./_simulate_plan.ts";
 * import { arbGraph } from "./arb_graph.ts";
 * const plans = arbPlan(arbGraph(), VALID_STACKED);
 * for (const { graph, plan } of fc.sample(plans, { numRuns: 10, seed: 1 })) {
 *   assert.ok(simulatePlan(indexGraph(graph), plan).ok);
 * }
 * ```
 */
export const VALID_STACKED: Readonly<PlanConstraints> = {
  orderKinds: ["absent", "topological"],
  offsetKinds: ["stacked"],
  missingPercent: 0,
  capacityPercent: 0,
};
