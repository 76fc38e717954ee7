/**
 * Memory-aware list scheduling: repeatedly run the ready op (every producer of
 * its inputs and every `after` predecessor done) whose effect on live bytes is
 * best, under FORMAT.md §2 lifetimes.
 *
 * An op allocates its outputs and frees each input it is the last remaining
 * reader of (weights, optimizer state and outputs are never freed; `input`
 * tensors are resident from step 0, so reading them frees but never allocates).
 * Freed-bytes totals are kept per op and bumped when a tensor's last reader
 * becomes known, so a priority changes in O(1) and the heap takes a fresh entry
 * (lazy update; stale entries are skipped on pop). O((V + E) log V), plus
 * O(E · RESPREAD_MAX_READERS) for the lookahead credit.
 *
 * @module
 */
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { isPersistentKind, KIND } from "../../graph/kind_codes.ts";
import type { Schedule } from "../../graph/types.ts";
import { MinHeap } from "../_heap.ts";
import { afterSuccessors } from "./_after_successors.ts";

/** How ready ops are ranked; smaller keys run first, program position breaks final ties. */
export interface ListRule {
  /**
   * `net`: bytes kept alive after the op minus bytes it frees (the live-bytes
   * change); `alloc`: bytes the op allocates at its own step, then `net`.
   */
  primary: "net" | "alloc";
  /**
   * Credit an op with `size / r` for each input still awaiting `r >= 2`
   * readers, so ops that bring a big tensor closer to being freed go first.
   */
  lookahead: boolean;
  /** Among equal keys: `program` order, or `lifo` (the op readied last: depth-first). */
  tie: "program" | "lifo";
}

/**
 * Past this many readers a tensor's lookahead credit is fixed at `size / readers`
 * instead of being re-spread on every read: re-spreading costs O(readers) per
 * read, O(readers^2) per tensor.
 */
const RESPREAD_MAX_READERS = 32;

/**
 * Runs list scheduling with one rule. Always returns a topological order of data
 * and `after` edges holding every op once.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * import { isValidOrder } from "../../graph/order_check.ts";
 * const g = await loadGraph("testdata/graphs/branchy.json");
 * const order = listSchedule(g, { primary: "net", lookahead: false, tie: "program" });
 * assert.ok(isValidOrder(g, order));
 * ```
 */
export function listSchedule(g: IndexedGraph, rule: ListRule): Schedule {
  const V = g.opCount, T = g.tensorCount;
  const { readerStart, readerList, inStart, inList, outStart, outList, size } = g;
  const { succStart, succList } = afterSuccessors(g);

  const pending = new Int32Array(V);
  for (let v = 0; v < V; v++) {
    let n = g.afterStart[v + 1] - g.afterStart[v];
    for (let k = inStart[v]; k < inStart[v + 1]; k++) if (g.producer[inList[k]] >= 0) n++;
    pending[v] = n;
  }

  // Distinct unscheduled readers of each tensor that can be freed; 0 for the others.
  const remaining = new Int32Array(T);
  const alloc = new Float64Array(V), keep = new Float64Array(V);
  const freed = new Float64Array(V);
  const credit = new Float64Array(V);
  const share = new Float64Array(T); // lookahead credit each remaining reader holds for t
  const done = new Uint8Array(V);
  for (let t = 0; t < T; t++) {
    const k = g.kind[t], s = size[t];
    const readers = distinctReaders(readerList, readerStart[t], readerStart[t + 1]);
    const p = g.producer[t];
    if (p >= 0) {
      alloc[p] += s;
      if (k === KIND.output || readers > 0) keep[p] += s;
    }
    if (s === 0 || isPersistentKind(k) || k === KIND.output || readers === 0) continue;
    remaining[t] = readers;
    if (readers === 1) freed[readerList[readerStart[t]]] += s;
    else if (rule.lookahead) {
      share[t] = s / readers;
      forEachRemainingReader(g, done, t, (u) => credit[u] += share[t]);
    }
  }

  const key1 = new Float64Array(V), key2 = new Float64Array(V);
  const stamp = new Float64Array(V);
  const isReady = new Uint8Array(V);
  let readied = 0;
  const heap = new MinHeap(Math.min(V, 1 << 16));
  const rank = (v: number): void => {
    const net = keep[v] - freed[v] - credit[v];
    const k1 = rule.primary === "net" ? net : alloc[v];
    const k2 = rule.primary === "alloc" ? net : rule.tie === "lifo" ? -stamp[v] : 0;
    if (isReady[v] && k1 === key1[v] && k2 === key2[v]) return;
    key1[v] = k1;
    key2[v] = k2;
    isReady[v] = 1;
    heap.push(v, k1, k2);
  };
  const ready = (v: number): void => {
    stamp[v] = ++readied;
    rank(v);
  };
  const touch = (u: number): void => {
    if (isReady[u] && !done[u]) rank(u);
  };

  for (let v = 0; v < V; v++) if (pending[v] === 0) ready(v);
  const order = new Int32Array(V);
  const seenBy = new Int32Array(T); // op stamp v+1: an op reading a tensor twice frees it once
  let s = 0;
  while (heap.size > 0) {
    const v = heap.pop();
    if (done[v] || heap.poppedKey1 !== key1[v] || heap.poppedKey2 !== key2[v]) continue;
    done[v] = 1;
    order[s++] = v;
    for (let k = inStart[v]; k < inStart[v + 1]; k++) {
      const t = inList[k];
      if (seenBy[t] === v + 1 || remaining[t] === 0) continue;
      seenBy[t] = v + 1;
      const r = --remaining[t];
      if (r === 0) continue;
      const big = readerStart[t + 1] - readerStart[t] > RESPREAD_MAX_READERS;
      if (r === 1) {
        forEachRemainingReader(g, done, t, (u) => {
          freed[u] += size[t];
          credit[u] -= share[t];
          touch(u);
        });
      } else if (rule.lookahead && !big) {
        const next = size[t] / r, delta = next - share[t];
        share[t] = next;
        forEachRemainingReader(g, done, t, (u) => {
          credit[u] += delta;
          touch(u);
        });
      }
    }
    for (let k = outStart[v]; k < outStart[v + 1]; k++) {
      const t = outList[k];
      for (let j = readerStart[t]; j < readerStart[t + 1]; j++) {
        const u = readerList[j];
        if (--pending[u] === 0) ready(u);
      }
    }
    for (let k = succStart[v]; k < succStart[v + 1]; k++) {
      const u = succList[k];
      if (--pending[u] === 0) ready(u);
    }
  }
  if (s !== V) throw new Error(`list scheduling ran ${s} of ${V} ops: the graph has a cycle`);
  return order;
}

/** Readers of a tensor are listed in op order, so a repeated reader is adjacent. */
function distinctReaders(list: Int32Array, from: number, to: number): number {
  let n = 0;
  for (let j = from; j < to; j++) if (j === from || list[j] !== list[j - 1]) n++;
  return n;
}

function forEachRemainingReader(
  g: IndexedGraph,
  done: Uint8Array,
  t: number,
  visit: (u: number) => void,
): void {
  const list = g.readerList, from = g.readerStart[t], to = g.readerStart[t + 1];
  for (let j = from; j < to; j++) {
    const u = list[j];
    if (done[u] || (j > from && list[j - 1] === u)) continue;
    visit(u);
  }
}
