/**
 * Positions in a base order: where each op runs, where each tensor is read,
 * and where the backward pass starts.
 *
 * @module
 */
import { KIND } from "../../graph/kind_codes.ts";
import type { BudgetAnalysis } from "./analysis.ts";

/** A base order with the positions the planners ask about. */
export interface BaseOrder {
  order: Int32Array;
  /** Position of each op. */
  pos: Int32Array;
  /** Sorted positions of the readers of tensor t: `reads[readStart[t] .. readStart[t+1])`. */
  readStart: Int32Array;
  reads: Int32Array;
  /** First position of the backward pass: after the op producing the first `output` tensor. */
  backwardStart: number;
}

/**
 * Indexes a base order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { programOrder } from "../../graph/lifetimes.ts";
 * import { analyseBudget } from "./analysis.ts";
 * const g = trainingChain(4);
 * const a = analyseBudget(g);
 * const b = baseOrder(a, programOrder(g));
 * assert.equal(b.backwardStart, 5); // after f1…f4 and the loss
 * ```
 */
export function baseOrder(a: BudgetAnalysis, order: Int32Array): BaseOrder {
  const g = a.g;
  const n = order.length;
  const pos = new Int32Array(g.opCount);
  for (let s = 0; s < n; s++) pos[order[s]] = s;
  const readStart = g.readerStart;
  const reads = new Int32Array(g.readerList.length);
  for (let t = 0; t < g.tensorCount; t++) {
    const from = readStart[t], to = readStart[t + 1];
    for (let r = from; r < to; r++) reads[r] = pos[g.readerList[r]];
    reads.subarray(from, to).sort();
  }
  let backwardStart = n, firstGradient = n;
  for (let t = 0; t < g.tensorCount; t++) {
    const p = g.producer[t];
    if (p < 0) continue;
    if (g.kind[t] === KIND.output) backwardStart = Math.min(backwardStart, pos[p] + 1);
    if (g.kind[t] === KIND.gradient) firstGradient = Math.min(firstGradient, pos[p]);
  }
  if (backwardStart === n) backwardStart = firstGradient;
  return { order, pos, readStart, reads, backwardStart };
}

/**
 * The last read of t before position s (its producer's position if none), or -1 if t
 * is produced at or after s.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { programOrder } from "../../graph/lifetimes.ts";
 * import { analyseBudget } from "./analysis.ts";
 * const g = trainingChain(4);
 * const a = analyseBudget(g);
 * const b = baseOrder(a, programOrder(g));
 * assert.equal(lastReadBefore(a, b, g.tensorIndex.get("a1")!, b.backwardStart), 1); // f2 reads it
 * ```
 */
export function lastReadBefore(a: BudgetAnalysis, b: BaseOrder, t: number, s: number): number {
  const p = a.g.producer[t];
  let last = p >= 0 ? b.pos[p] : 0;
  if (last >= s) return -1;
  for (let r = b.readStart[t]; r < b.readStart[t + 1]; r++) {
    if (b.reads[r] < s && b.reads[r] > last) last = b.reads[r];
  }
  return last;
}

/**
 * The first read of t at or after position s, or -1.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { programOrder } from "../../graph/lifetimes.ts";
 * import { analyseBudget } from "./analysis.ts";
 * const g = trainingChain(4);
 * const a = analyseBudget(g);
 * const b = baseOrder(a, programOrder(g));
 * assert.equal(nextReadFrom(b, g.tensorIndex.get("a1")!, b.backwardStart), 7); // b2 reads it
 * ```
 */
export function nextReadFrom(b: BaseOrder, t: number, s: number): number {
  for (let r = b.readStart[t]; r < b.readStart[t + 1]; r++) if (b.reads[r] >= s) return b.reads[r];
  return -1;
}
