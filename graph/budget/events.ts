/**
 * The events of a `memplan.plan/v2` order in dense form, and the residency
 * rule: when a tensor is in device memory under an order that may re-run ops
 * (recompute) and copy tensors to the host and back (offload, fetch).
 *
 * @module
 */
import type { IndexedGraph } from "../indexed_graph.ts";
import { isPersistentKind, isUnproducedKind, KIND } from "../kind_codes.ts";

/** Event kinds: run an op, copy a tensor to the host and free it, copy it back. */
export const EVENT = { run: 0, offload: 1, fetch: 2 } as const;

/** An order of events: `kind[e]` is an {@linkcode EVENT} code, `target[e]` an op or tensor index. */
export interface Events {
  kind: Uint8Array;
  target: Int32Array;
}

/**
 * One residency: tensor `tensor` occupies memory over events `[first, last]`;
 * it is the `ordinal`-th residency of that tensor in event order.
 */
export interface Residencies {
  count: number;
  tensor: Int32Array;
  first: Int32Array;
  last: Int32Array;
  ordinal: Int32Array;
  /** Residencies of tensor t: `byTensor[byTensorStart[t] .. byTensorStart[t+1])`, in order. */
  byTensorStart: Int32Array;
  byTensor: Int32Array;
}

/**
 * Events that run every op once, in `order`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(runEvents(Int32Array.from([0, 1])).kind, Uint8Array.of(0, 0));
 * ```
 */
export function runEvents(order: ArrayLike<number>): Events {
  return { kind: new Uint8Array(order.length), target: Int32Array.from(order) };
}

/**
 * The residency rule (docs/FORMAT.md §7.2). A residency of tensor t
 * starts when t is created: at event 0 for `input`, `weight` and
 * `optimizer_state` tensors, and at every run of its producer and every fetch
 * of t. It ends at the last event before the next creation that reads t (an
 * op reading it, or its offload), at its creation if none; an offload ends it
 * at once. The last residency of a `weight`, `optimizer_state` or `output`
 * tensor that no offload ends lasts to the final event. Reads while no
 * residency is open (the judge reports them) are ignored here.
 *
 * For an order running every op once this is FORMAT.md §2's lifetime rule.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "./training_chain.ts";
 * import { programOrder } from "../lifetimes.ts";
 * const g = trainingChain(2);
 * const r = residencies(g, runEvents(programOrder(g)));
 * assert.equal(r.count, g.tensorCount); // one per tensor when nothing is recomputed or offloaded
 * ```
 */
export function residencies(g: IndexedGraph, events: Events): Residencies {
  const m = events.kind.length;
  const T = g.tensorCount;
  const tensor: number[] = [], first: number[] = [], last: number[] = [];
  const open = new Int32Array(T).fill(-1);
  const start = (t: number, e: number) => {
    open[t] = tensor.length;
    tensor.push(t);
    first.push(e);
    last.push(e);
  };
  if (m > 0) { for (let t = 0; t < T; t++) if (isUnproducedKind(g.kind[t])) start(t, 0); }
  const read = (t: number, e: number) => {
    const r = open[t];
    if (r >= 0) last[r] = e;
  };
  for (let e = 0; e < m; e++) {
    const x = events.target[e];
    switch (events.kind[e]) {
      case EVENT.run:
        for (let k = g.inStart[x]; k < g.inStart[x + 1]; k++) read(g.inList[k], e);
        for (let k = g.outStart[x]; k < g.outStart[x + 1]; k++) start(g.outList[k], e);
        break;
      case EVENT.offload:
        read(x, e);
        open[x] = -1;
        break;
      case EVENT.fetch:
        start(x, e);
        break;
    }
  }
  for (let t = 0; t < T; t++) {
    const k = g.kind[t];
    if (open[t] >= 0 && (isPersistentKind(k) || k === KIND.output)) last[open[t]] = m - 1;
  }
  const count = tensor.length;
  const byTensorStart = new Int32Array(T + 1);
  for (let r = 0; r < count; r++) byTensorStart[tensor[r] + 1]++;
  for (let t = 0; t < T; t++) byTensorStart[t + 1] += byTensorStart[t];
  const fill = byTensorStart.slice(0, T);
  const byTensor = new Int32Array(count);
  const ordinal = new Int32Array(count);
  for (let r = 0; r < count; r++) {
    const t = tensor[r];
    ordinal[r] = fill[t] - byTensorStart[t];
    byTensor[fill[t]++] = r;
  }
  return {
    count,
    tensor: Int32Array.from(tensor),
    first: Int32Array.from(first),
    last: Int32Array.from(last),
    ordinal,
    byTensorStart,
    byTensor,
  };
}

/**
 * Total size of the residencies covering each event (the live bytes).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "./training_chain.ts";
 * import { programOrder } from "../lifetimes.ts";
 * const g = trainingChain(2);
 * const events = runEvents(programOrder(g));
 * const live = residentBytes(g, residencies(g, events), events.kind.length);
 * assert.deepEqual(live, Float64Array.of(18, 26, 35, 36, 21, 5, 4));
 * ```
 */
export function residentBytes(g: IndexedGraph, r: Residencies, steps: number): Float64Array {
  const delta = new Float64Array(steps + 1);
  for (let i = 0; i < r.count; i++) {
    const s = g.size[r.tensor[i]];
    if (s === 0) continue;
    delta[r.first[i]] += s;
    delta[r.last[i] + 1] -= s;
  }
  const live = new Float64Array(steps);
  let acc = 0;
  for (let e = 0; e < steps; e++) live[e] = acc += delta[e];
  return live;
}
