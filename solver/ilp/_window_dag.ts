/**
 * The precedence DAG restricted to the ops at steps `[start, start + length)`
 * of an order, with each op's earliest and latest step in that window.
 *
 * Every path between two window ops stays inside the window (an op on it runs
 * between them), so the induced sub-DAG holds all the order constraints the
 * window has to respect; ops outside keep their steps.
 *
 * @module
 */
import type { Precedence } from "../../graph/bounds/precedence.ts";
import type { Schedule } from "../../graph/types.ts";

/** Local op `i` is `order[start + i]`; steps are local, `0 … length-1`. */
export interface WindowDag {
  readonly start: number;
  readonly length: number;
  /** Global op index of local op i. */
  readonly ops: Int32Array;
  /** Direct window predecessors of local op i: `predList[predStart[i] .. predStart[i+1])`. */
  readonly predStart: Int32Array;
  readonly predList: Int32Array;
  /** Earliest local step of op i: its number of window ancestors. */
  readonly asap: Int32Array;
  /** Latest local step of op i: `length - 1 -` its number of window descendants. */
  readonly alap: Int32Array;
  /** True when local op j is a descendant of local op i (i ≠ j). */
  isDescendant(i: number, j: number): boolean;
}

/**
 * Builds the window DAG. `step` is the inverse of `order`. O(k·(k + E_W)/32)
 * for k window ops and E_W window edges, with bitsets of ancestors and
 * descendants.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { precedence } from "../../graph/bounds/precedence.ts";
 * import { programOrder, stepsOf } from "../../graph/lifetimes.ts";
 * import { loadGraph } from "../../graph/load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json"); // a chain of 4 ops
 * const order = programOrder(g);
 * const w = windowDag(precedence(g), order, stepsOf(g, order), 0, g.opCount);
 * assert.deepEqual(w.asap, Int32Array.from([0, 1, 2, 3]));
 * ```
 */
export function windowDag(
  p: Precedence,
  order: Schedule,
  step: Int32Array,
  start: number,
  length: number,
): WindowDag {
  const ops = order.slice(start, start + length);
  const words = Math.max(1, Math.ceil(length / 32));
  const anc = new Uint32Array(length * words);
  const desc = new Uint32Array(length * words);
  const preds: number[] = [];
  const predStart = new Int32Array(length + 1);
  for (let i = 0; i < length; i++) {
    predStart[i] = preds.length;
    const v = ops[i];
    for (let k = p.predStart[v]; k < p.predStart[v + 1]; k++) {
      const j = step[p.predList[k]] - start;
      if (j < 0) continue;
      preds.push(j);
      for (let w = 0; w < words; w++) anc[i * words + w] |= anc[j * words + w];
      anc[i * words + (j >> 5)] |= 1 << (j & 31);
    }
  }
  predStart[length] = preds.length;
  const predList = Int32Array.from(preds);
  // Order is topological, so a reverse sweep over predecessor edges completes descendants.
  for (let i = length - 1; i >= 0; i--) {
    for (let k = predStart[i]; k < predStart[i + 1]; k++) {
      const j = predList[k];
      for (let w = 0; w < words; w++) desc[j * words + w] |= desc[i * words + w];
      desc[j * words + (i >> 5)] |= 1 << (i & 31);
    }
  }
  const asap = new Int32Array(length), alap = new Int32Array(length);
  for (let i = 0; i < length; i++) {
    asap[i] = popcount(anc, i * words, words);
    alap[i] = length - 1 - popcount(desc, i * words, words);
  }
  return {
    start,
    length,
    ops,
    predStart,
    predList,
    asap,
    alap,
    isDescendant: (i, j) => ((desc[i * words + (j >> 5)] >>> (j & 31)) & 1) === 1,
  };
}

function popcount(a: Uint32Array, from: number, words: number): number {
  let n = 0;
  for (let w = from; w < from + words; w++) {
    let x = a[w];
    x = x - ((x >>> 1) & 0x55555555);
    x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
    n += (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}
