/**
 * OLLA's lifetime ILP for the ops at steps `[start, start + length)` of an
 * order, everything else fixed; with the whole order as the window it is the
 * full problem.
 *
 * Variables, in the time-indexed form (Steiner et al. 2022 use "created" and
 * "preserved" binaries per tensor and step; these are equivalent and tighter):
 * - `D[i,s]` binary, "op i has run by local step s", only for
 *   `asap[i] ≤ s < alap[i]` (0 before, 1 from `alap[i]` on: the ASAP/ALAP window);
 * - `L[t,s]` continuous in [0, 1], "tensor t resident at s", only where t has
 *   several readers that the DAG does not order (elsewhere residency is an
 *   affine expression of `D`, see below);
 * - `peak` integer, in units of the GCD of all tensor sizes.
 *
 * Constraints: `D` is monotone in s; exactly one op per step
 * (`Σ_i D[i,s] = s + 1`), so ops never share a step and the objective is the
 * true peak of the decoded order; `D[v,s] ≤ D[u,s-1]` for every data or
 * `after` edge u → v inside the window; memory at s `≤ peak`.
 *
 * Residency of tensor t at step s (FORMAT.md §2), with p its producer:
 * created by a window op and kept past the window (an `output`, or read after
 * it): `D[p,s]`; never read: `D[p,s] - D[p,s-1]`; read by window ops R:
 * `D[p,s] - D[r,s-1]` with one last reader r, else `L ≥ D[p,s] - D[r,s-1]` for
 * every r in R (a reader with a later reader in R never ends the lifetime and
 * is dropped). A tensor made before the window has `D[p,s] = 1`. Weights,
 * optimizer state and every tensor whose producer and readers all lie outside
 * the window are constants, as are the terms the ASAP/ALAP windows decide.
 *
 * @module
 */
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { isPersistentKind, KIND } from "../../graph/kind_codes.ts";
import { lifetimes, stepsOf } from "../../graph/lifetimes.ts";
import { liveTimeline } from "../../graph/metrics.ts";
import { type Precedence, precedence } from "../../graph/bounds/precedence.ts";
import type { Schedule } from "../../graph/types.ts";
import { type LinearModel, ModelBuilder } from "../highs/model.ts";
import { type WindowDag, windowDag } from "./_window_dag.ts";

/** Options of {@linkcode buildScheduleModel}. */
export interface ScheduleModelOptions {
  /** The order to improve (a valid topological order). */
  order: Schedule;
  /** First step of the window; default 0. */
  start?: number;
  /** Steps in the window; default the rest of the order. */
  length?: number;
  /** The graph's precedence DAG, when the caller already has it. */
  precedence?: Precedence;
  /** A proved lower bound (bytes) on the peak of any order, for the whole-graph model. */
  lowerBound?: number;
}

/** A built window model and what is needed to use its solution. */
export interface ScheduleModel {
  readonly model: LinearModel;
  readonly dag: WindowDag;
  /** Bytes per model unit: the GCD of the positive tensor sizes. */
  readonly unit: number;
  /** Column of `peak`. */
  readonly peakCol: number;
  /** Largest live bytes at a window step under the given order. */
  readonly windowPeak: number;
  /** Largest live bytes at a step outside the window (0 when there is none). */
  readonly outsidePeak: number;
  /** The given order as a point of the model: a MIP start. */
  readonly start: Float64Array;
  /** The full order with the window reordered as `values` says; always topological. */
  decode(values: Float64Array): Schedule;
}

/**
 * Builds the lifetime ILP of one window of `order`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../../graph/indexed_graph.ts";
 * import { lifetimes, programOrder } from "../../graph/lifetimes.ts";
 * import { peakLive } from "../../graph/metrics.ts";
 * import { solveModel } from "../highs/solve.ts";
 * import { threeBranchGraph } from "./_test_graphs.ts";
 * const g = indexGraph(threeBranchGraph()); // program order peaks at 32
 * const m = buildScheduleModel(g, { order: programOrder(g) });
 * const r = await solveModel(m.model, { timeLimit: Infinity, mipStart: m.start });
 * const better = m.decode(r.values!);
 * assert.equal(peakLive(g, lifetimes(g, better)).bytes, 14);
 * ```
 */
export function buildScheduleModel(g: IndexedGraph, options: ScheduleModelOptions): ScheduleModel {
  const order = options.order, n = order.length;
  const a = options.start ?? 0;
  const k = options.length ?? n - a;
  if (!(a >= 0 && k >= 1 && a + k <= n)) {
    throw new RangeError(`window [${a}, ${a + k}) outside 0..${n}`);
  }
  const b = a + k;
  const step = stepsOf(g, order);
  const dag = windowDag(options.precedence ?? precedence(g), order, step, a, k);
  const lt = lifetimes(g, order);
  const live = liveTimeline(g, lt, n);
  let windowPeak = 0, outsidePeak = 0;
  for (let s = 0; s < n; s++) {
    if (s >= a && s < b) windowPeak = Math.max(windowPeak, live[s]);
    else outsidePeak = Math.max(outsidePeak, live[s]);
  }
  const unit = sizeGcd(g);
  const { asap, alap } = dag;
  const mb = new ModelBuilder(`${g.name}.schedule[${a},${b})`);
  const startValues: number[] = [];

  // D columns: dBase[i] + (s - asap[i]) for asap[i] <= s < alap[i].
  const dBase = new Int32Array(k);
  for (let i = 0; i < k; i++) {
    dBase[i] = mb.numCols;
    const ran = step[dag.ops[i]] - a;
    for (let s = asap[i]; s < alap[i]; s++) {
      mb.addVar(`D_${i}_${s}`, { upper: 1, integer: true });
      startValues.push(ran <= s ? 1 : 0);
    }
  }
  /** Column of D[i,s], or ONE / ZERO when the ASAP/ALAP window decides it. */
  const D = (i: number, s: number): number =>
    s < asap[i] ? ZERO : s >= alap[i] ? ONE : dBase[i] + s - asap[i];

  const peakCol = mb.addVar("peak", { integer: true, cost: 1 });
  startValues.push(0); // set below, once the memory rows fix it

  for (let i = 0; i < k; i++) {
    for (let s = asap[i] + 1; s < alap[i]; s++) {
      mb.addRow(`mono_${i}_${s}`, [D(i, s), D(i, s - 1)], [1, -1], { lower: 0 });
    }
    for (let q = dag.predStart[i]; q < dag.predStart[i + 1]; q++) {
      const j = dag.predList[q];
      for (let s = asap[i]; s < alap[i]; s++) {
        const before = D(j, s - 1);
        if (before === ONE) break;
        mb.addRow(`prec_${j}_${i}_${s}`, [D(i, s), before], [1, -1], { upper: 0 });
      }
    }
  }
  for (let s = 0; s < k - 1; s++) {
    const cols: number[] = [];
    let done = 0;
    for (let i = 0; i < k; i++) {
      const c = D(i, s);
      if (c === ONE) done++;
      else if (c !== ZERO) cols.push(c);
    }
    if (cols.length) {
      mb.addRow(`count_${s}`, cols, cols.map(() => 1), {
        lower: s + 1 - done,
        upper: s + 1 - done,
      });
    }
  }

  // Memory: per local step, constant units plus terms.
  const constant = new Float64Array(k);
  const rowCols: number[][] = Array.from({ length: k }, () => []);
  const rowVals: number[][] = Array.from({ length: k }, () => []);
  const addExpr = (s: number, e: Expr, size: number) => {
    constant[s] += e.c * size;
    for (let q = 0; q < e.cols.length; q++) {
      rowCols[s].push(e.cols[q]);
      rowVals[s].push(e.coefs[q] * size);
    }
  };
  const local = (v: number) => (v >= 0 && step[v] >= a && step[v] < b ? step[v] - a : -1);
  const readers: number[] = [];
  for (let t = 0; t < g.tensorCount; t++) {
    if (g.size[t] === 0) continue;
    const size = g.size[t] / unit;
    const f = lt.first[t], l = lt.last[t];
    if (l < a || f >= b) continue;
    const kind = g.kind[t];
    const p = local(g.producer[t]);
    let endsAfter = kind === KIND.output || isPersistentKind(kind);
    readers.length = 0;
    for (let q = g.readerStart[t]; q < g.readerStart[t + 1]; q++) {
      const r = g.readerList[q];
      if (step[r] >= b) endsAfter = true;
      const i = local(r);
      if (i >= 0 && !readers.includes(i)) readers.push(i);
    }
    if (p < 0 && (endsAfter || readers.length === 0)) {
      for (let s = Math.max(f, a); s <= Math.min(l, b - 1); s++) constant[s - a] += size;
      continue;
    }
    const made = (s: number): Expr => (p < 0 ? CONST_ONE : term(D(p, s)));
    if (endsAfter) {
      for (let s = asap[p]; s < k; s++) addExpr(s, made(s), size);
      continue;
    }
    if (readers.length === 0) {
      for (let s = asap[p]; s <= alap[p]; s++) {
        addExpr(s, minus(term(D(p, s)), term(D(p, s - 1))), size);
      }
      continue;
    }
    const last = readers.filter((r) => !readers.some((r2) => r2 !== r && dag.isDescendant(r, r2)));
    let hi = 0;
    for (const r of last) hi = Math.max(hi, alap[r]);
    for (let s = p < 0 ? 0 : asap[p]; s <= hi; s++) {
      const candidates: Expr[] = [];
      let certain = false;
      for (const r of last) {
        const e = minus(made(s), term(D(r, s - 1)));
        if (e.cols.length === 0) {
          if (e.c >= 1) certain = true;
        } else candidates.push(e);
      }
      if (certain) constant[s] += size;
      else if (candidates.length === 1) addExpr(s, candidates[0], size);
      else if (candidates.length > 1) {
        const col = mb.addVar(`L_${t}_${s}`, { upper: 1 });
        startValues.push(f <= a + s && a + s <= l ? 1 : 0);
        for (let q = 0; q < candidates.length; q++) {
          const e = candidates[q];
          mb.addRow(`L_${t}_${s}_${q}`, [col, ...e.cols], [1, ...e.coefs.map((x) => -x)], {
            lower: e.c,
          });
        }
        addExpr(s, { c: 0, cols: [col], coefs: [1] }, size);
      }
    }
  }
  for (let s = 0; s < k; s++) {
    mb.addRow(`mem_${s}`, [...rowCols[s], peakCol], [...rowVals[s], -1], { upper: -constant[s] });
  }
  const model0 = mb.build();
  // Bounds on peak: it never needs to beat the steps outside the window, and
  // the order given is a solution, so it never needs to exceed that.
  const lower = Math.max(
    outsidePeak < windowPeak ? Math.ceil(outsidePeak / unit) : 0,
    a === 0 && k === n && options.lowerBound !== undefined
      ? Math.ceil(options.lowerBound / unit)
      : 0,
  );
  model0.colLower[peakCol] = Math.min(lower, windowPeak / unit);
  model0.colUpper[peakCol] = windowPeak / unit;
  const start = Float64Array.from(startValues);
  start[peakCol] = windowPeak / unit;
  return {
    model: model0,
    dag,
    unit,
    peakCol,
    windowPeak,
    outsidePeak,
    start,
    decode: (values) => decodeOrder(order, dag, values, dBase),
  };
}

const ZERO = -1, ONE = -2;

/** An affine expression `c + Σ coefs·x[cols]`. */
interface Expr {
  c: number;
  cols: number[];
  coefs: number[];
}

const CONST_ONE: Expr = { c: 1, cols: [], coefs: [] };

function term(col: number): Expr {
  if (col === ONE) return CONST_ONE;
  if (col === ZERO) return { c: 0, cols: [], coefs: [] };
  return { c: 0, cols: [col], coefs: [1] };
}

function minus(x: Expr, y: Expr): Expr {
  return {
    c: x.c - y.c,
    cols: [...x.cols, ...y.cols],
    coefs: [...x.coefs, ...y.coefs.map((v) => -v)],
  };
}

/**
 * Steps from `D` (the first step an op has run by), then a topological sort of
 * the window by those steps, so rounding noise can never yield an invalid order.
 */
function decodeOrder(
  order: Schedule,
  dag: WindowDag,
  values: Float64Array,
  dBase: Int32Array,
): Schedule {
  const k = dag.length;
  const key = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    let s = dag.asap[i];
    while (s < dag.alap[i] && values[dBase[i] + s - dag.asap[i]] < 0.5) s++;
    key[i] = s * k + i;
  }
  const pending = new Int32Array(k);
  const succ: number[][] = Array.from({ length: k }, () => []);
  for (let i = 0; i < k; i++) {
    for (let q = dag.predStart[i]; q < dag.predStart[i + 1]; q++) {
      pending[i]++;
      succ[dag.predList[q]].push(i);
    }
  }
  const out = order.slice();
  const done = new Uint8Array(k);
  for (let pos = 0; pos < k; pos++) {
    let best = -1;
    for (let i = 0; i < k; i++) {
      if (!done[i] && pending[i] === 0 && (best < 0 || key[i] < key[best])) best = i;
    }
    done[best] = 1;
    for (const j of succ[best]) pending[j]--;
    out[dag.start + pos] = dag.ops[best];
  }
  return out;
}

/**
 * GCD of the positive tensor sizes (1 for a graph without any): the model's
 * byte unit, which keeps its memory rows exact and its numbers small.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../../graph/load.ts";
 * const g = await loadGraph("testdata/graphs/mlp.b2.sgd.json.gz");
 * assert.equal(sizeGcd(g), 4); // float32 tensors
 * ```
 */
export function sizeGcd(g: IndexedGraph): number {
  let d = 0;
  for (let t = 0; t < g.tensorCount; t++) {
    let x = g.size[t];
    if (x <= 0) continue;
    let y = d;
    while (y) [x, y] = [y, x % y];
    d = x;
  }
  return d || 1;
}
