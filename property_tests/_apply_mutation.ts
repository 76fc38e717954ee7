/**
 * Applies an {@linkcode Mutation} to a valid plan (with an order and offsets).
 * Every mutation is computed on the raw graph and plan with this folder's own
 * span code, so the simulator is judged by what FORMAT.md says, not by itself.
 *
 * @module
 */
import type { Graph, Plan } from "../graph/types.ts";
import { conflicts, residentSpans } from "../testkit/spans.ts";
import { predecessors } from "../testkit/topological_order.ts";
import type { Mutation } from "./arb_mutation.ts";

/** A graph and a plan, both as files hold them. */
export interface PlanCase {
  graph: Graph;
  plan: Plan;
}

/** The mutated case and a line saying what changed (for failure messages). */
export interface MutatedCase extends PlanCase {
  change: string;
}

/**
 * The mutated graph and plan, or undefined when the plan offers no place for
 * this mutation (no conflicting pair, no edge, an empty arena). The plan must
 * have an order and offsets for every tensor of positive size.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { Graph, Plan } from "../graph/types.ts";
 * const graph: Graph = JSON.parse(await Deno.readTextFile("testdata/graphs/tiny.json"));
 * const plan: Plan = JSON.parse(await Deno.readTextFile("testdata/plans/tiny.valid.json"));
 * const m = applyMutation({ graph, plan }, { kind: "shrink-capacity", pick: 0, amount: 0 });
 * assert.equal(m?.plan.capacity, 22); // the arena (23: loss at 22) minus 1
 * ```
 */
export function applyMutation(c: PlanCase, m: Mutation): MutatedCase | undefined {
  const order = c.plan.order ?? c.graph.ops.map((o) => o.id);
  const offsets = c.plan.offsets ?? {};
  const align = c.graph.alignment ?? 1;
  const ts = c.graph.tensors;
  const spans = residentSpans(c.graph, order);
  const pairs: [number, number][] = [];
  for (let i = 0; i < ts.length; i++) {
    for (let j = 0; j < ts.length; j++) {
      if (i !== j && conflicts(spans[i], ts[i].size, spans[j], ts[j].size)) pairs.push([i, j]);
    }
  }
  switch (m.kind) {
    case "shift-offset": {
      if (!pairs.length) return undefined;
      const [i, j] = pairs[m.pick % pairs.length];
      const a = ts[i], b = ts[j];
      const to = offsets[b.id] + align * (m.amount % Math.ceil(b.size / align));
      return {
        graph: c.graph,
        plan: { ...c.plan, offsets: { ...offsets, [a.id]: to } },
        change: `offset of ${JSON.stringify(a.id)} ${offsets[a.id]} -> ${to}, inside ${
          JSON.stringify(b.id)
        } [${offsets[b.id]}, ${offsets[b.id] + b.size})`,
      };
    }
    case "move-before-producer": {
      const preds = predecessors(c.graph);
      const stepOf = new Map(order.map((id, s) => [id, s]));
      const edges = preds.flatMap((ps, v) => ps.map((u) => [v, u] as const));
      if (!edges.length) return undefined;
      const [v, u] = edges[m.pick % edges.length];
      const vId = c.graph.ops[v].id, uId = c.graph.ops[u].id;
      const rest = order.filter((id) => id !== vId);
      rest.splice(rest.indexOf(uId), 0, vId);
      return {
        graph: c.graph,
        plan: { ...c.plan, order: rest },
        change: `op ${JSON.stringify(vId)} moved from step ${stepOf.get(vId)} to just before ${
          JSON.stringify(uId)
        }`,
      };
    }
    case "shrink-capacity": {
      let arena = 0;
      for (const t of ts) if (t.size > 0) arena = Math.max(arena, offsets[t.id] + t.size);
      if (arena === 0) return undefined;
      const capacity = arena - 1 - (m.amount % arena);
      return {
        graph: c.graph,
        plan: { ...c.plan, capacity },
        change: `capacity ${capacity}, arena ${arena}`,
      };
    }
    case "grow-tensor": {
      // Only pairs where the conflicting tensor sits above: growing reaches into it.
      const above = pairs.filter(([i, j]) => offsets[ts[j].id] >= offsets[ts[i].id] + ts[i].size);
      if (!above.length) return undefined;
      const [i] = above[m.pick % above.length];
      let nearest = Infinity;
      for (const [k, j] of above) if (k === i) nearest = Math.min(nearest, offsets[ts[j].id]);
      const grow = nearest - (offsets[ts[i].id] + ts[i].size) + 1;
      const tensors = ts.map((t, k) => (k === i ? { ...t, size: t.size + grow } : t));
      return {
        graph: { ...c.graph, tensors },
        plan: c.plan,
        change: `tensor ${JSON.stringify(ts[i].id)} grew by ${grow} to ${
          ts[i].size + grow
        } bytes, reaching the tensor at ${nearest}`,
      };
    }
  }
}
