/**
 * Case splits on the order of two incomparable ops: a branch-and-bound over
 * added precedence edges, tightening the min-cut bound under a time budget.
 *
 * @module
 */
import { type IndexedGraph, indexGraph } from "../indexed_graph.ts";
import type { Graph, Op } from "../types.ts";
import { cutPerOp } from "./cut.ts";
import { mincutBound } from "./mincut.ts";
import { precedence } from "./precedence.ts";
import type { Bound } from "./types.ts";

/** Options of {@linkcode orderSplitBound}. */
export interface OrderSplitOptions {
  /** Seconds to spend; default 2. When it runs out, open branches keep their min-cut bound. */
  timeLimit?: number;
  /** Most nested splits along one branch; default 16. */
  maxDepth?: number;
}

/** What {@linkcode orderSplitBound} found. */
export interface OrderSplitResult extends Bound {
  /** False when the time limit left some branch unsplit that the depth limit allowed. */
  complete: boolean;
  /** Graphs whose min-cut bound was computed (1 for no split at all). */
  evaluations: number;
}

/**
 * Every schedule runs a before b or b before a, for any two ops; so the peak of
 * every schedule is at least `min(LB(G + a→b), LB(G + b→a))` for any valid
 * lower bound LB, and each branch may be split again. With
 * {@linkcode mincutBound} as LB (it only grows as edges are added, since
 * fewer closed sets remain), the result is never below the min-cut bound of G;
 * split far enough, it reaches the optimum (a total order has one schedule, whose
 * min-cut bound is its peak, up to unread inputs at step 0).
 *
 * The pair: the op v achieving the bound (or, when the first or last step
 * gives it, the op of largest cut bound that has an incomparable op), against
 * the op of largest cut bound incomparable with v: v's least-memory prefix
 * and that op's cannot both happen when the two are heavy, which is what a
 * split exposes. A branch whose bound does not beat its parent's ends the
 * parent's split early, as the minimum cannot beat it either. Splits deepen
 * one level per pass (iterative deepening), so an interrupted pass still
 * leaves a valid bound. An `op` of -1 without `step` means the bound came
 * from splitting.
 *
 * Each evaluation re-indexes the graph with an `after` edge added and the ops
 * re-ordered topologically, then runs the cut and min-cut bounds: meant for
 * graphs of hundreds of ops, or few splits on larger ones.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../indexed_graph.ts";
 * // a -> t0 -> b, c; b -> t1, c -> t2; d reads t1 and t2 (sizes 1): every order
 * // peaks at 3, min-cut says 2
 * const diamond = indexGraph({
 *   format: "memplan.graph/v1", name: "diamond",
 *   tensors: [{ id: "t0", size: 1 }, { id: "t1", size: 1 }, { id: "t2", size: 1 }],
 *   ops: [
 *     { id: "a", in: [], out: ["t0"] },
 *     { id: "b", in: ["t0"], out: ["t1"] },
 *     { id: "c", in: ["t0"], out: ["t2"] },
 *     { id: "d", in: ["t1", "t2"], out: [] },
 *   ],
 * });
 * assert.equal(orderSplitBound(diamond, { timeLimit: Infinity }).bytes, 3);
 * ```
 */
export function orderSplitBound(
  g: IndexedGraph,
  options: OrderSplitOptions = {},
): OrderSplitResult {
  const deadline = performance.now() + (options.timeLimit ?? 2) * 1000;
  const maxDepth = options.maxDepth ?? 16;
  let evaluations = 0, complete = true;
  const evaluate = (h: IndexedGraph): SplitNode => {
    evaluations++;
    const p = precedence(h);
    const cut = cutPerOp(h, { precedence: p });
    const remaining = Math.max((deadline - performance.now()) / 1000, 0);
    const base = mincutBound(h, { precedence: p, cut, timeLimit: remaining });
    if (!base.complete) complete = false;
    const bound: Bound = { bytes: base.bytes, op: base.op };
    if (base.step) bound.step = base.step;
    return { h, base: bound, pair: choosePair(h, p, cut, base.op) };
  };
  // A node's value is max(base, min(children)); a child not yet evaluated when
  // time runs out counts as unsplit, which keeps every value a valid bound.
  const value = (node: SplitNode, depth: number): number => {
    if (depth === 0 || !node.pair) return node.base.bytes;
    const [a, b] = node.pair;
    if (!node.kids) {
      if (performance.now() > deadline) {
        complete = false;
        return node.base.bytes;
      }
      node.kids = [evaluate(withEdge(node.h, a, b))];
    }
    const first = value(node.kids[0], depth - 1);
    if (first <= node.base.bytes) return node.base.bytes; // the minimum cannot beat it either
    if (node.kids.length === 1) {
      if (performance.now() > deadline) {
        complete = false;
        return node.base.bytes;
      }
      node.kids.push(evaluate(withEdge(node.h, b, a)));
    }
    return Math.max(node.base.bytes, Math.min(first, value(node.kids[1], depth - 1)));
  };
  const root = evaluate(g);
  let bytes = root.base.bytes;
  // Iterative deepening: each pass is a valid bound, and reuses the nodes of the last.
  for (let depth = 1; depth <= maxDepth && performance.now() <= deadline; depth++) {
    bytes = Math.max(bytes, value(root, depth));
  }
  if (performance.now() > deadline) complete = false;
  if (bytes > root.base.bytes) return { bytes, op: -1, complete, evaluations };
  return { ...root.base, complete, evaluations };
}

interface SplitNode {
  h: IndexedGraph;
  base: Bound;
  pair: [string, string] | undefined;
  kids?: SplitNode[];
}

/** Op ids `[a, b]` of two incomparable ops to split on, or undefined for a total order. */
function choosePair(
  g: IndexedGraph,
  p: ReturnType<typeof precedence>,
  cut: Float64Array,
  bestOp: number,
): [string, string] | undefined {
  const V = g.opCount;
  const byCut = Array.from({ length: V }, (_, v) => v).sort((a, b) => cut[b] - cut[a] || a - b);
  if (bestOp >= 0) byCut.unshift(bestOp);
  const related = new Int32Array(V).fill(-1);
  for (const v of byCut) {
    markReach(v, related, p.predStart, p.predList);
    related[v] = -1;
    markReach(v, related, p.succStart, p.succList);
    let w = -1;
    for (const u of byCut) {
      if (related[u] !== v) {
        w = u;
        break;
      }
    }
    if (w >= 0) return [g.opIds[v], g.opIds[w]];
  }
  return undefined;
}

/** Marks v and every op reachable along the given adjacency with the value v. */
function markReach(v: number, mark: Int32Array, start: Int32Array, list: Int32Array): void {
  const stack = [v];
  mark[v] = v;
  while (stack.length) {
    const u = stack.pop()!;
    for (let k = start[u]; k < start[u + 1]; k++) {
      if (mark[list[k]] !== v) {
        mark[list[k]] = v;
        stack.push(list[k]);
      }
    }
  }
}

/**
 * The graph with op `after` forced to run after op `first` (an `after` edge),
 * its ops re-listed in a topological order that keeps the old order where it
 * can, as FORMAT.md requires of program order.
 */
function withEdge(g: IndexedGraph, first: string, after: string): IndexedGraph {
  const ops: Op[] = g.graph.ops.map((o) =>
    o.id === after ? { ...o, after: [...(o.after ?? []), first] } : o
  );
  const graph: Graph = { ...g.graph, ops: topologicalByIndex(g, ops) };
  return indexGraph(graph);
}

function topologicalByIndex(g: IndexedGraph, ops: Op[]): Op[] {
  const V = ops.length;
  const succ: number[][] = Array.from({ length: V }, () => []);
  const waiting = new Int32Array(V);
  ops.forEach((o, v) => {
    const preds = new Set<number>();
    for (const t of o.in) {
      const pr = g.producer[g.tensorIndex.get(t)!];
      if (pr >= 0) preds.add(pr);
    }
    for (const a of o.after ?? []) preds.add(g.opIndex.get(a)!);
    for (const u of preds) succ[u].push(v);
    waiting[v] = preds.size;
  });
  const ready = new MinHeap();
  for (let v = 0; v < V; v++) if (waiting[v] === 0) ready.push(v);
  const out: Op[] = [];
  while (ready.size) {
    const v = ready.pop();
    out.push(ops[v]);
    for (const w of succ[v]) if (--waiting[w] === 0) ready.push(w);
  }
  if (out.length !== V) throw new Error("internal: the split made a cycle");
  return out;
}

/** A binary min-heap of op indices: the ready op listed first runs first. */
class MinHeap {
  #a: number[] = [];
  get size(): number {
    return this.#a.length;
  }
  push(x: number): void {
    const a = this.#a;
    a.push(x);
    for (let i = a.length - 1; i > 0;) {
      const parent = (i - 1) >> 1;
      if (a[parent] <= a[i]) break;
      [a[parent], a[i]] = [a[i], a[parent]];
      i = parent;
    }
  }
  pop(): number {
    const a = this.#a, top = a[0], last = a.pop()!;
    if (a.length) {
      a[0] = last;
      for (let i = 0;;) {
        const l = 2 * i + 1, r = l + 1;
        let m = i;
        if (l < a.length && a[l] < a[m]) m = l;
        if (r < a.length && a[r] < a[m]) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i], a[m]];
        i = m;
      }
    }
    return top;
  }
}
