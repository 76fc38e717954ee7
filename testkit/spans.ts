/**
 * Resident spans and peak live of a raw graph under an order, re-derived from
 * FORMAT.md §2 and §5 in this folder's own words: the brute-force searches and
 * the mutations use them, so they share no code with graph/lifetimes.ts.
 *
 * @module
 */
import type { Graph } from "../graph/types.ts";

/** Inclusive `[first, last]` step per tensor, in the order of `graph.tensors`. */
export type Spans = [number, number][];

/**
 * The inclusive resident span of every tensor when the ops run in `order`
 * (op ids, a permutation). A reader before its producer leaves `last = first`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { residentSpans } from "./spans.ts";
 * const graph = {
 *   format: "memplan.graph/v1" as const, name: "two",
 *   tensors: [{ id: "x", size: 4, kind: "input" as const }, { id: "y", size: 8, kind: "output" as const }],
 *   ops: [{ id: "f", in: ["x"], out: ["y"] }, { id: "g", in: ["y"], out: [], after: ["f"] }],
 * };
 * assert.deepEqual(residentSpans(graph, ["f", "g"]), [[0, 0], [0, 1]]);
 * ```
 */
export function residentSpans(graph: Graph, order: readonly string[]): Spans {
  const n = order.length;
  const stepOf = new Map(order.map((id, s) => [id, s]));
  const producedAt = new Map<string, number>();
  const lastRead = new Map<string, number>();
  for (const op of graph.ops) {
    const s = stepOf.get(op.id)!;
    for (const t of op.out) producedAt.set(t, s);
    for (const t of op.in) lastRead.set(t, Math.max(lastRead.get(t) ?? -1, s));
  }
  return graph.tensors.map((t): [number, number] => {
    const kind = t.kind ?? "activation";
    const read = lastRead.get(t.id) ?? -1;
    if (kind === "weight" || kind === "optimizer_state") return [0, n - 1];
    if (kind === "input") return [0, Math.max(read, 0)];
    const first = producedAt.get(t.id)!;
    if (kind === "output") return [first, n - 1];
    return [first, Math.max(read, first)];
  });
}

/**
 * Peak live: the largest total size of the tensors resident at one step.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { peakOfSpans, residentSpans } from "./spans.ts";
 * const graph = {
 *   format: "memplan.graph/v1" as const, name: "two",
 *   tensors: [{ id: "x", size: 4, kind: "input" as const }, { id: "y", size: 8, kind: "output" as const }],
 *   ops: [{ id: "f", in: ["x"], out: ["y"] }, { id: "g", in: ["y"], out: [], after: ["f"] }],
 * };
 * assert.equal(peakOfSpans(graph, residentSpans(graph, ["f", "g"]), 2), 12);
 * ```
 */
export function peakOfSpans(graph: Graph, spans: Spans, steps: number): number {
  let peak = 0;
  for (let s = 0; s < steps; s++) {
    let live = 0;
    graph.tensors.forEach((t, i) => {
      if (spans[i][0] <= s && s <= spans[i][1]) live += t.size;
    });
    if (live > peak) peak = live;
  }
  return peak;
}

/**
 * True when two tensors must not share bytes: both of positive size, spans intersecting.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { conflicts } from "./spans.ts";
 * assert.equal(conflicts([0, 2], 4, [2, 3], 8), true); // both resident at step 2
 * ```
 */
export function conflicts(
  a: [number, number],
  sizeA: number,
  b: [number, number],
  sizeB: number,
): boolean {
  return sizeA > 0 && sizeB > 0 && a[0] <= b[1] && b[0] <= a[1];
}
