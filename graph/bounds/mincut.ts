/**
 * The min-cut bound: for each op, the least memory any schedule can have
 * resident while that op runs, found as a minimum s–t cut.
 *
 * @module
 */
import type { IndexedGraph } from "../indexed_graph.ts";
import { isPersistentKind, KIND } from "../kind_codes.ts";
import { type CutOptions, cutPerOp } from "./cut.ts";
import { FlowNetwork } from "./max_flow.ts";
import { maxOverOps } from "./max_over_ops.ts";
import { opUpperBounds, type OpUpperBoundsOptions } from "./op_upper_bounds.ts";
import { type Precedence, precedence } from "./precedence.ts";
import { type ReachabilityWindow, wholeReachability } from "./reachability.ts";
import { endStepsBound } from "./end_steps.ts";
import type { Bound } from "./types.ts";

const SOURCE = 0, SINK = 1;

/**
 * Solves the min-cut problem of one op at a time, keeping its buffers (marks,
 * node numbering, the flow network) between ops.
 *
 * The problem for op v. Write A(v) for v and its ancestors, D(v) for v and its
 * descendants, F(v) for the ops comparable with neither. In any schedule, the
 * set S of ops run up to and including v contains A(v), no op of D(v) but v,
 * and is closed under predecessors; conversely every such S is the prefix of a
 * schedule ending in v (run S∖{v} in index order, then v, then the rest). At
 * v's step a tensor t with producer p (for an `input`, treat p as run) is
 * resident exactly when
 *
 * - weight / optimizer state: always;
 * - `output`: p ∈ S;
 * - `input`: some reader is v or outside S (and at step 0 always, which this
 *   leaves out: the bound may only be lower for it);
 * - any other: p = v, or p ∈ S and some reader is v or outside S.
 *
 * So the least resident bytes at v's step is the minimum of that sum f(S) over
 * the closed sets S. Terms fixed by A(v) and D(v) sum to exactly
 * {@linkcode cutPerOp}[v]; the others depend on which ops of F(v) join S, and
 * minimising them is a closure problem solved by a minimum cut with S on the
 * source side (source = A(v) contracted, sink = D(v)∖{v} contracted):
 *
 * - precedence u → w inside F(v): edge w → u of capacity ∞ (w in S forces u);
 * - t with p ∈ F(v) that is an `output` or read in D(v): p → sink, size(t)
 *   (paid when p ∈ S);
 * - t with p ∈ F(v), read only in F(v): p → h, size(t), and h → r, ∞, for each
 *   reader r; the cut puts h on the sink side, paying size(t), exactly when p
 *   is in S and some reader is not (with one reader: p → r directly);
 * - t with p ∈ A(v)∖{v} or an `input`, read in F(v) but not in D(v): the same
 *   gadget hung from the source.
 *
 * Other tensors cost nothing in every S (produced in D(v)∖{v}, or all readers
 * already in A(v)∖{v}). A finite cut is a closed S and costs f(S) − cut(v),
 * so `mincut(v) = cut(v) + maxflow`, and every schedule has
 * `live(step of v) >= f(prefix) >= mincut(v) >= cut(v)`.
 *
 * The network has |F(v)| op nodes plus a node per gadget; building it costs
 * O(V + edges and reads around F(v)) after finding A(v) and D(v) (two graph
 * searches, or two bitset rows).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * const g = await loadGraph("testdata/graphs/branchy.json");
 * const solver = new MincutSolver(g);
 * // least live bytes at op 3's step (q2) over all schedules
 * assert.equal(solver.at(3), 15);
 * ```
 */
export class MincutSolver {
  readonly #g: IndexedGraph;
  readonly #p: Precedence;
  readonly #cut: Float64Array;
  readonly #net = new FlowNetwork();
  readonly #anc: Int32Array;
  readonly #desc: Int32Array;
  readonly #node: Int32Array;
  readonly #readerMark: Int32Array;
  readonly #tensorMark: Int32Array;
  readonly #stack: Int32Array;
  readonly #free: Int32Array;
  #stamp = 0;
  #readerStamp = 0;
  /** Flow problems solved so far. */
  flows = 0;

  /**
   * @param g the graph
   * @param options `precedence` and `cut` ({@linkcode cutPerOp}) when the caller has them
   */
  constructor(g: IndexedGraph, options: { precedence?: Precedence; cut?: Float64Array } = {}) {
    this.#g = g;
    this.#p = options.precedence ?? precedence(g);
    this.#cut = options.cut ?? cutPerOp(g, { precedence: this.#p });
    const V = g.opCount;
    this.#anc = new Int32Array(V);
    this.#desc = new Int32Array(V);
    this.#node = new Int32Array(V);
    this.#readerMark = new Int32Array(V);
    this.#tensorMark = new Int32Array(g.tensorCount);
    this.#stack = new Int32Array(V);
    this.#free = new Int32Array(V);
  }

  /**
   * The least live bytes at op v's step over all schedules (less the unread
   * inputs when v could run first): `cut(v) + maxflow`. With `window` from
   * {@linkcode wholeReachability}, A(v) and D(v) are read off its rows instead
   * of searched for.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { loadGraph } from "../load.ts";
   * const g = await loadGraph("testdata/graphs/branchy.json");
   * assert.equal(new MincutSolver(g).at(2), 14);
   * ```
   */
  at(v: number, window?: ReachabilityWindow): number {
    return this.ifAbove(v, -Infinity, window);
  }

  /**
   * {@linkcode MincutSolver.at} when that exceeds `beat`; otherwise perhaps
   * `cut(v)`, a lower bound on it, when the cut of all source edges or of all
   * sink edges (f of the earliest or the latest prefix) already shows that it
   * cannot exceed `beat`, which saves the flow.
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { loadGraph } from "../load.ts";
   * const g = await loadGraph("testdata/graphs/branchy.json");
   * const solver = new MincutSolver(g);
   * // above 14 only if op 3 raises the bound: it does (15), op 2 does not
   * assert.equal(solver.ifAbove(3, 14), 15);
   * assert.ok(solver.ifAbove(2, 14) <= 14);
   * ```
   */
  ifAbove(v: number, beat: number, window?: ReachabilityWindow): number {
    const cut = this.#cut[v];
    const { sourceSum, sinkSum } = this.#build(v, window);
    if (sourceSum === 0 || sinkSum === 0) return cut;
    if (cut + Math.min(sourceSum, sinkSum) <= beat) return cut;
    this.flows++;
    return cut + this.#net.maxFlow(SOURCE, SINK);
  }

  #build(v: number, window?: ReachabilityWindow): { sourceSum: number; sinkSum: number } {
    const g = this.#g, p = this.#p, net = this.#net;
    const anc = this.#anc, desc = this.#desc, node = this.#node, free = this.#free;
    const stamp = ++this.#stamp;
    if (window?.start === 0 && window.end === g.opCount) this.#markFrom(v, window, stamp);
    else {
      this.#mark(v, anc, stamp, p.predStart, p.predList);
      this.#mark(v, desc, stamp, p.succStart, p.succList);
    }
    net.reset(2);
    let nFree = 0;
    for (let u = 0; u < g.opCount; u++) {
      if (anc[u] !== stamp && desc[u] !== stamp) {
        free[nFree++] = u;
        node[u] = net.addNode();
      }
    }
    let sourceSum = 0, sinkSum = 0;
    const readers: number[] = [];
    const tensorMark = this.#tensorMark;
    for (let i = 0; i < nFree; i++) {
      const u = free[i];
      for (let k = p.predStart[u]; k < p.predStart[u + 1]; k++) {
        const w = p.predList[k];
        if (anc[w] !== stamp) net.addEdge(node[u], node[w], Infinity); // w is in F(v) too
      }
      for (let k = g.outStart[u]; k < g.outStart[u + 1]; k++) {
        const t = g.outList[k], size = g.size[t];
        if (size === 0) continue;
        if (g.kind[t] === KIND.output || this.#freeReaders(t, stamp, readers)) {
          net.addEdge(node[u], SINK, size);
          sinkSum += size;
        } else this.#hang(node[u], readers, size);
      }
      for (let k = g.inStart[u]; k < g.inStart[u + 1]; k++) {
        const t = g.inList[k], size = g.size[t], prod = g.producer[t];
        if (size === 0 || tensorMark[t] === stamp) continue;
        if (isPersistentKind(g.kind[t]) || g.kind[t] === KIND.output) continue; // in cut(v)
        if (prod >= 0 && anc[prod] !== stamp) continue; // made in F(v): an output above
        tensorMark[t] = stamp;
        if (this.#freeReaders(t, stamp, readers) || readers.length === 0) continue;
        this.#hang(SOURCE, readers, size);
        sourceSum += size;
      }
    }
    return { sourceSum, sinkSum };
  }

  /** Collects t's distinct readers in F(v); true when one is in D(v) instead. */
  #freeReaders(t: number, stamp: number, readers: number[]): boolean {
    const g = this.#g, anc = this.#anc, desc = this.#desc, mark = this.#readerMark;
    const rs = ++this.#readerStamp;
    readers.length = 0;
    for (let k = g.readerStart[t]; k < g.readerStart[t + 1]; k++) {
      const r = g.readerList[k];
      if (desc[r] === stamp) return true; // v itself is marked in both
      if (anc[r] === stamp || mark[r] === rs) continue;
      mark[r] = rs;
      readers.push(r);
    }
    return false;
  }

  /** Charges `size` when `from` is on the source side and some reader is not. */
  #hang(from: number, readers: number[], size: number): void {
    const net = this.#net, node = this.#node;
    if (readers.length === 0) return;
    if (readers.length === 1) {
      net.addEdge(from, node[readers[0]], size);
      return;
    }
    const h = net.addNode();
    net.addEdge(from, h, size);
    for (const r of readers) net.addEdge(h, node[r], Infinity);
  }

  /**
   * Reads A(v) and D(v) off a window holding every op: then they are whole
   * rows, and filling the marks costs O(V / 32 + |A(v)| + |D(v)|) with
   * sequential reads, unlike two graph searches.
   */
  #markFrom(v: number, w: ReachabilityWindow, stamp: number): void {
    const words = w.words;
    fillMarks(this.#anc, stamp, w.anc, v * words, words);
    fillMarks(this.#desc, stamp, w.desc, v * words, words);
  }

  #mark(v: number, mark: Int32Array, stamp: number, start: Int32Array, list: Int32Array): void {
    const stack = this.#stack;
    let top = 0;
    stack[top++] = v;
    mark[v] = stamp;
    while (top > 0) {
      const u = stack[--top];
      for (let k = start[u]; k < start[u + 1]; k++) {
        const w = list[k];
        if (mark[w] !== stamp) {
          mark[w] = stamp;
          stack[top++] = w;
        }
      }
    }
  }
}

/**
 * {@linkcode MincutSolver.at} for every op: exact, one flow per op, meant for
 * small graphs and tests ({@linkcode mincutBound} skips most of the work).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * const g = await loadGraph("testdata/graphs/branchy.json");
 * assert.deepEqual(mincutPerOp(g), Float64Array.from([14, 15, 14, 15, 6, 4]));
 * ```
 */
export function mincutPerOp(g: IndexedGraph, options: CutOptions = {}): Float64Array {
  const p = options.precedence ?? precedence(g);
  const solver = new MincutSolver(g, {
    precedence: p,
    cut: cutPerOp(g, { ...options, precedence: p }),
  });
  const out = new Float64Array(g.opCount);
  for (let v = 0; v < g.opCount; v++) out[v] = solver.at(v);
  return out;
}

/** Options of {@linkcode mincutBound}. */
export interface MincutOptions extends OpUpperBoundsOptions {
  /**
   * Per op, an upper bound on the least live bytes at its step, such as the
   * live bytes at its step under any one schedule; default
   * {@linkcode opUpperBounds}.
   */
  upper?: Float64Array;
  /** Seconds to spend on flows; when it runs out the bound found so far is returned. */
  timeLimit?: number;
}

/** What {@linkcode mincutBound} found and how much it had to do. */
export interface MincutResult extends Bound {
  /** False when the time limit stopped it before every op was settled. */
  complete: boolean;
  /** Ops whose network was built. */
  examined: number;
  /** Flow problems solved. */
  flows: number;
}

/**
 * `max(first/last-step bound, max over ops v of mincut(v))` (see
 * {@linkcode MincutSolver}, {@linkcode endStepsBound}): every schedule runs
 * every op, so its peak is at least each op's least possible live bytes.
 * Since `mincut(v) >= cut(v)` op by op and the floor is shared, it is never
 * below {@linkcode cutBound}.
 *
 * Most ops need no flow. `mincut(v)` lies between `cut(v)` and `upper[v]`, so
 * ops are visited by `upper` descending, starting from the cut bound, and the
 * walk stops at the first op whose `upper` cannot beat the best so far: no
 * later op can. An op whose all-source or all-sink cut (a cheap upper bound on
 * its flow) cannot beat the best is settled without a flow. (The cut bound
 * cannot end the walk, as it bounds `mincut(v)` from below.) Stopped by the
 * time limit, the result is still a lower bound, just perhaps not the largest.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * const g = await loadGraph("testdata/graphs/branchy.json");
 * const { bytes, op, complete } = mincutBound(g, { timeLimit: Infinity });
 * assert.deepEqual({ bytes, op, complete }, { bytes: 15, op: 1, complete: true }); // op 1: p2
 * ```
 */
export function mincutBound(g: IndexedGraph, options: MincutOptions = {}): MincutResult {
  const deadline = performance.now() + (options.timeLimit ?? Infinity) * 1000;
  const p = options.precedence ?? precedence(g);
  // The sweeps before the first flow cost as much as the flows (4.5 s at
  // 50,000 ops): they stop at the deadline too, leaving a weaker bound.
  const progress = { complete: true };
  const cut = options.cut ?? cutPerOp(g, { ...options, precedence: p, deadline, progress });
  const upper = options.upper ??
    opUpperBounds(g, { ...options, precedence: p, cut, deadline, progress });
  let best: Bound = maxOverOps(cut, endStepsBound(g));
  const solver = new MincutSolver(g, { precedence: p, cut });
  const order = [];
  for (let v = 0; v < g.opCount; v++) if (upper[v] > best.bytes) order.push(v);
  order.sort((a, b) => upper[b] - upper[a] || cut[b] - cut[a] || a - b);
  // Up to 128 MiB of bits, built at once: not when the time is already up.
  const whole = order.length && performance.now() < deadline
    ? wholeReachability(p, options)
    : undefined;
  let examined = 0, complete = progress.complete;
  for (const v of order) {
    if (upper[v] <= best.bytes) break;
    if (performance.now() > deadline) {
      complete = false;
      break;
    }
    examined++;
    const m = solver.ifAbove(v, best.bytes, whole);
    if (m > best.bytes) best = { bytes: m, op: v };
  }
  return { ...best, complete, examined, flows: solver.flows };
}

function fillMarks(mark: Int32Array, stamp: number, rows: Uint32Array, at: number, words: number) {
  for (let i = 0; i < words; i++) {
    let x = rows[at + i];
    while (x !== 0) {
      const low = x & -x;
      mark[(i << 5) + 31 - Math.clz32(low)] = stamp;
      x ^= low;
    }
  }
}
