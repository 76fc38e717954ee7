/**
 * The cut bound: what the partial order alone forces to be resident at an op's
 * step, whatever else the schedule does.
 *
 * @module
 */
import type { IndexedGraph } from "../indexed_graph.ts";
import { isPersistentKind, KIND } from "../kind_codes.ts";
import { maxOverOps } from "./max_over_ops.ts";
import { persistentBytes } from "./persistent.ts";
import { type Precedence, precedence } from "./precedence.ts";
import { type ReachabilityOptions, reachabilityWindows } from "./reachability.ts";
import { endStepsBound } from "./end_steps.ts";
import type { Bound } from "./types.ts";

/** Options of {@linkcode cutPerOp} and {@linkcode cutBound}. */
export interface CutOptions extends ReachabilityOptions {
  /** The graph's precedence DAG, when the caller already built it. */
  precedence?: Precedence;
  /**
   * Per tensor: 1 when a plan may free it and make it again later (recompute),
   * so the order forces it only where it is an operand: such a tensor counts at
   * its producer and its readers, nowhere else. Default: none.
   */
  remade?: Uint8Array;
  /**
   * Per op, CSR form: the ops after whose run its outputs can no longer be made
   * again (an op that must follow every run of it). A re-makeable tensor read
   * after such an op is kept from that op to the read. Default: none.
   */
  sealers?: { start: Int32Array; list: Int32Array };
}

/**
 * Per op v: `persistent + Σ size(t)` over the tensors t with v ∈ Z(t), where,
 * writing A(v) for v and its ancestors and D(v) for v and its descendants,
 *
 * | kind of t | Z(t) |
 * | --- | --- |
 * | `output` | D(producer) |
 * | `input` | ⋃ A(reader) (empty when nobody reads it) |
 * | any other, read | D(producer) ∩ ⋃ A(reader) |
 * | any other, unread | {producer} |
 *
 * Proof that every schedule has live(step of v) >= cutPerOp[v]: let s be v's
 * step. An ancestor runs before v and a descendant after, so for v ∈ D(p) the
 * producer p runs at or before s (`first <= s`), and for v ∈ A(r) the reader r
 * runs at or after s (`last >= s`). An `output` lives from its producer to the
 * end, an `input` from 0 to its last reader, any other tensor from its producer
 * to its last reader, and an unread one at its producer's step; in each row the
 * condition puts s inside `[first, last]`. Persistent tensors are resident
 * everywhere and appear in no row.
 *
 * It is the most a bound of one op's step can claim from the partial order
 * alone: a tensor outside its row's set is not resident at v's step either in
 * the schedule that runs exactly A(v) up to v, or in the one that runs every
 * op but v's descendants up to v (except an input at step 0). It includes v's
 * own operands, so it is never below {@linkcode trivialPerOp}.
 *
 * Computed with reachability bitsets ({@linkcode reachabilityWindows}): for each
 * window of ops and each tensor the row's set is a few word-wise ORs and one
 * AND, restricted to the words between the producer and the last reader, and
 * every op in it gets the size added. Cost O((V + E + R) · V / 32 + Σ|Z(t)|)
 * for V ops, E precedence edges and R tensor reads, memory within the window
 * budget.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * // a chain leaves nothing to choose: the bound is the live bytes at each step
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * assert.deepEqual(cutPerOp(g), Float64Array.from([14, 18, 22, 7]));
 * ```
 */
export function cutPerOp(g: IndexedGraph, options: CutOptions = {}): Float64Array {
  const V = g.opCount, T = g.tensorCount;
  const cut = new Float64Array(V).fill(persistentBytes(g));
  if (V === 0) return cut;
  const { remade, sealers } = options;
  const sealed = (v: number) => sealers !== undefined && sealers.start[v] < sealers.start[v + 1];
  const lastReader = new Int32Array(T).fill(-1);
  const stamp = remade ? new Int32Array(V).fill(-1) : undefined;
  for (let t = 0; t < T; t++) {
    for (let k = g.readerStart[t]; k < g.readerStart[t + 1]; k++) {
      if (g.readerList[k] > lastReader[t]) lastReader[t] = g.readerList[k];
    }
    const k = g.kind[t], prod = g.producer[t];
    if (g.size[t] === 0 || isPersistentKind(k)) continue;
    if (remade?.[t] && stamp && !(sealed(prod) && lastReader[t] >= 0)) {
      // Operands only: resident while its producer or a reader runs.
      for (let k = g.readerStart[t] - 1; k < g.readerStart[t + 1]; k++) {
        const v = k < g.readerStart[t] ? prod : g.readerList[k];
        if (v < 0 || stamp[v] === t) continue;
        stamp[v] = t;
        cut[v] += g.size[t];
      }
      lastReader[t] = -2; // done
      continue;
    }
    if (lastReader[t] < 0 && k !== KIND.input && k !== KIND.output) cut[prod] += g.size[t];
  }
  const p = options.precedence ?? precedence(g);
  let z = new Uint32Array(0), y = new Uint32Array(0);
  // Past `options.deadline` the windows stop: an op of a window not reached
  // keeps what is resident without reachability, a lower bound still (maybe
  // below the trivial one).
  for (const win of reachabilityWindows(p, options)) {
    const { start, end, words, desc, anc } = win;
    if (z.length < words) [z, y] = [new Uint32Array(words), new Uint32Array(words)];
    const orReaders = (t: number, lo: number, hi: number) => {
      for (let j = g.readerStart[t]; j < g.readerStart[t + 1]; j++) {
        const r = g.readerList[j];
        if (r < start) continue;
        const row = (r - start) * words, to = Math.min(hi, (r - start) >> 5);
        for (let i = lo; i <= to; i++) z[i] |= anc[row + i];
      }
    };
    const setBit = (v: number) => {
      if (v >= start && v < end) z[(v - start) >> 5] |= 1 << ((v - start) & 31);
    };
    for (let t = 0; t < T; t++) {
      const size = g.size[t], k = g.kind[t], prod = g.producer[t], last = lastReader[t];
      if (size === 0 || isPersistentKind(k) || last === -2) continue;
      let lo: number, hi: number;
      if (remade?.[t]) {
        // Kept from a sealer to a later reader, and at its operand steps.
        if (last < start || prod >= end) continue;
        lo = prod > start ? (prod - start) >> 5 : 0;
        hi = Math.min(words - 1, (last - start) >> 5);
        z.fill(0, lo, hi + 1);
        y.fill(0, lo, hi + 1);
        orReaders(t, lo, hi);
        for (let j = sealers!.start[prod]; j < sealers!.start[prod + 1]; j++) {
          const q = sealers!.list[j];
          if (q >= end) continue;
          for (let i = lo; i <= hi; i++) y[i] |= desc[q * words + i];
        }
        for (let i = lo; i <= hi; i++) z[i] &= y[i];
        setBit(prod);
        for (let j = g.readerStart[t]; j < g.readerStart[t + 1]; j++) setBit(g.readerList[j]);
      } else if (k === KIND.output) {
        if (prod >= end) continue;
        lo = prod > start ? (prod - start) >> 5 : 0;
        hi = words - 1;
        for (let i = lo; i <= hi; i++) z[i] = desc[prod * words + i];
      } else {
        if (last < start || (k !== KIND.input && prod >= end)) continue;
        lo = k !== KIND.input && prod > start ? (prod - start) >> 5 : 0;
        hi = Math.min(words - 1, (last - start) >> 5);
        z.fill(0, lo, hi + 1);
        orReaders(t, lo, hi);
        if (k !== KIND.input) { for (let i = lo; i <= hi; i++) z[i] &= desc[prod * words + i]; }
      }
      for (let i = lo; i <= hi; i++) {
        let x = z[i];
        const base = start + (i << 5);
        while (x !== 0) {
          const low = x & -x;
          cut[base + 31 - Math.clz32(low)] += size;
          x ^= low;
        }
      }
    }
  }
  return cut;
}

/**
 * The larger of {@linkcode endStepsBound} and the largest {@linkcode cutPerOp}.
 * Since `cutPerOp >= trivialPerOp` op by op and both take the same floor, it
 * is never below {@linkcode trivialBound}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * const g = await loadGraph("testdata/graphs/branchy.json");
 * assert.deepEqual(cutBound(g), { bytes: 14, op: 0 });
 * ```
 */
export function cutBound(g: IndexedGraph, options: CutOptions = {}): Bound {
  return maxOverOps(cutPerOp(g, options), endStepsBound(g));
}
