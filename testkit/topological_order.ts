/**
 * Topological orders of a raw graph (FORMAT.md §2: producers before readers,
 * `after` ops before their dependants), written here from the format alone so
 * the tests share no code with the planners they judge.
 *
 * @module
 */
import type { Graph } from "../graph/types.ts";

/**
 * Predecessor op indices of every op (data and `after` edges; repeats kept).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { predecessors } from "./topological_order.ts";
 * const graph = {
 *   format: "memplan.graph/v1" as const, name: "two",
 *   tensors: [{ id: "x", size: 4, kind: "input" as const }, { id: "y", size: 8, kind: "output" as const }],
 *   ops: [{ id: "f", in: ["x"], out: ["y"] }, { id: "g", in: ["y"], out: [], after: ["f"] }],
 * };
 * assert.deepEqual(predecessors(graph), [[], [0, 0]]); // g reads f's y and runs after f
 * ```
 */
export function predecessors(graph: Graph): number[][] {
  const opAt = new Map(graph.ops.map((o, i) => [o.id, i]));
  const producer = new Map<string, number>();
  graph.ops.forEach((o, i) => o.out.forEach((t) => producer.set(t, i)));
  return graph.ops.map((o) => [
    ...o.in.flatMap((t) => (producer.has(t) ? [producer.get(t)!] : [])),
    ...(o.after ?? []).map((a) => opAt.get(a)!),
  ]);
}

/**
 * The topological order that, among the ready ops, always runs the one of
 * least priority (ties: program order). Every topological order is reached by
 * some priorities.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { topologicalOrderByPriority } from "./topological_order.ts";
 * const graph = {
 *   format: "memplan.graph/v1" as const, name: "two",
 *   tensors: [{ id: "x", size: 4, kind: "input" as const }, { id: "y", size: 8, kind: "output" as const }],
 *   ops: [{ id: "f", in: ["x"], out: ["y"] }, { id: "g", in: ["y"], out: [], after: ["f"] }],
 * };
 * assert.deepEqual(topologicalOrderByPriority(graph, [1, 0]), ["f", "g"]);
 * ```
 */
export function topologicalOrderByPriority(graph: Graph, priority: ArrayLike<number>): string[] {
  const preds = predecessors(graph);
  const n = graph.ops.length;
  const waiting = preds.map((p) => new Set(p).size);
  const succs: number[][] = graph.ops.map(() => []);
  preds.forEach((p, v) => new Set(p).forEach((u) => succs[u].push(v)));
  const ready = new Set<number>();
  for (let v = 0; v < n; v++) if (waiting[v] === 0) ready.add(v);
  const order: string[] = [];
  while (ready.size) {
    let best = -1;
    for (const v of ready) {
      if (
        best < 0 || priority[v] < priority[best] || (priority[v] === priority[best] && v < best)
      ) {
        best = v;
      }
    }
    ready.delete(best);
    order.push(graph.ops[best].id);
    for (const w of succs[best]) if (--waiting[w] === 0) ready.add(w);
  }
  if (order.length !== n) throw new Error("graph has a cycle");
  return order;
}

/**
 * Calls `visit` with every topological order (op indices; the array is reused,
 * copy it to keep it). Exponential: for graphs of a handful of ops.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { forEachTopologicalOrder } from "./topological_order.ts";
 * const graph = {
 *   format: "memplan.graph/v1" as const, name: "two",
 *   tensors: [{ id: "x", size: 4, kind: "input" as const }, { id: "y", size: 8, kind: "output" as const }],
 *   ops: [{ id: "f", in: ["x"], out: ["y"] }, { id: "g", in: ["y"], out: [], after: ["f"] }],
 * };
 * let count = 0;
 * forEachTopologicalOrder(graph, () => count++);
 * assert.equal(count, 1);
 * ```
 */
export function forEachTopologicalOrder(graph: Graph, visit: (order: number[]) => void): void {
  const preds = predecessors(graph);
  const n = graph.ops.length;
  const waiting = preds.map((p) => new Set(p).size);
  const succs: number[][] = graph.ops.map(() => []);
  preds.forEach((p, v) => new Set(p).forEach((u) => succs[u].push(v)));
  const order: number[] = [];
  const done = new Uint8Array(n);
  const step = () => {
    if (order.length === n) {
      visit(order);
      return;
    }
    for (let v = 0; v < n; v++) {
      if (done[v] || waiting[v] !== 0) continue;
      done[v] = 1;
      order.push(v);
      for (const w of succs[v]) waiting[w]--;
      step();
      for (const w of succs[v]) waiting[w]++;
      order.pop();
      done[v] = 0;
    }
  };
  step();
}
