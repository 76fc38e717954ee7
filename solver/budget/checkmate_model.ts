/**
 * A Checkmate-style MILP (Jain et al., MLSys 2020) over a fixed base order,
 * written per tensor so that its memory is exactly the judge's residency
 * rule: stage t runs some earlier ops again (R[t,i], in base order) and then
 * base op t; S[t,j] keeps tensor j resident into stage t; FREE[t,j,k] frees j
 * right after event k of stage t; U[t,k] is the resident bytes at that event.
 *
 * For the R the solution picks, the cheapest S, FREE and U give exactly the
 * peak live the replay measures, so the optimum of this model is the least
 * recompute cost of any stage-form plan of this base order within the budget.
 *
 * @module
 */
import { EVENT, type Events, residencies } from "../../graph/budget/events.ts";
import { isPersistentKind, KIND } from "../../graph/kind_codes.ts";
import { type LinearModel, ModelBuilder } from "../highs/model.ts";
import type { BudgetAnalysis } from "./analysis.ts";

/** Options of {@linkcode buildCheckmateModel}. */
export interface CheckmateModelOptions {
  budget: number;
  /** Only stages at or after this base position may recompute (windowing); default 0. */
  firstRecomputeStage?: number;
  /** Only these ops may be recomputed (a restriction); default every re-runnable op. */
  allowed?: Uint8Array;
  /** Give up (return undefined) when the R and S columns alone exceed it; default none. */
  maxColumns?: number;
  /**
   * Give up (return undefined) past this `performance.now()`, looked at once a
   * stage; default none. Its rows cost stages × tensors whatever the columns:
   * 6 s at 11,000 ops and 20,000 tensors.
   */
  deadline?: number;
  /**
   * Compact mode for large graphs: a tensor no allowed op can make again is
   * resident from its creation to its last base read (a constant, no columns),
   * and no re-run reads it after that. Exact for the plans it allows, which
   * are fewer.
   */
  fixedNonRecreatable?: boolean;
}

/** The model and the maps from its columns back to decisions. */
export interface CheckmateModel {
  model: LinearModel;
  order: Int32Array;
  /** Column of R[t][i] (i < t) or -1: `rCol[t * n + i]`. */
  rCol: Int32Array;
  /** Column of S[t][j] or -1: `sCol[t * T + j]`. */
  sCol: Int32Array;
  /** Columns of FREE and U keyed `t,k,j` and `t,k`. */
  freeCol: Map<string, number>;
  uCol: Map<string, number>;
  /** Events of stage t in order (recompute positions, then t). */
  stageEvents: number[][];
  /** Bytes resident in stage t whatever the decisions (weights, earlier outputs). */
  constant: Float64Array;
}

/**
 * Builds the model; undefined when it would exceed `maxColumns`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { programOrder } from "../../graph/lifetimes.ts";
 * import { analyseBudget } from "./analysis.ts";
 * const g = trainingChain(4);
 * const a = analyseBudget(g);
 * const cm = buildCheckmateModel(a, programOrder(g), { budget: 1 << 20 })!;
 * assert.equal(cm.model.numCols, 236);
 * ```
 */
export function buildCheckmateModel(
  a: BudgetAnalysis,
  order: Int32Array,
  options: CheckmateModelOptions,
): CheckmateModel | undefined {
  const g = a.g;
  const n = order.length, T = g.tensorCount;
  const pos = new Int32Array(g.opCount);
  for (let s = 0; s < n; s++) pos[order[s]] = s;
  const b = new ModelBuilder("checkmate");
  const deadline = options.deadline ?? Infinity;
  const late = () => performance.now() > deadline;
  const first = options.firstRecomputeStage ?? 0;
  // Latest stage a re-run of position i may sit in: before every op that must follow it.
  const latest = new Int32Array(n).fill(n - 1);
  for (let i = 0; i < n; i++) {
    const v = order[i];
    for (let k = a.succStart[v]; k < a.succStart[v + 1]; k++) {
      latest[i] = Math.min(latest[i], pos[a.succList[k]]);
    }
  }
  const rerun = (i: number) =>
    a.recomputable[order[i]] === 1 && (!options.allowed || options.allowed[order[i]] === 1);
  const prodPos = (j: number) => (g.producer[j] >= 0 ? pos[g.producer[j]] : -1);
  const varying = (j: number) => {
    const k = g.kind[j];
    return g.size[j] > 0 && !isPersistentKind(k) && k !== KIND.output;
  };
  const fixed = (j: number) =>
    options.fixedNonRecreatable === true && varying(j) &&
    (prodPos(j) < 0 || !rerun(prodPos(j)));
  // Last base read of each tensor (its creation when none): where a fixed one is freed.
  const lastBase = new Int32Array(T);
  for (let j = 0; j < T; j++) {
    lastBase[j] = Math.max(prodPos(j), 0);
    for (let r = g.readerStart[j]; r < g.readerStart[j + 1]; r++) {
      lastBase[j] = Math.max(lastBase[j], pos[g.readerList[r]]);
    }
  }
  const readsFixedAfter = (i: number, t: number) => {
    const v = order[i];
    for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
      const j = g.inList[k];
      if (fixed(j) && t > lastBase[j]) return true;
    }
    return false;
  };
  // S[t][j] is worth a column when some run at stage >= t may read j.
  const lastNeed = new Int32Array(T).fill(-1);
  for (let j = 0; j < T; j++) {
    for (let r = g.readerStart[j]; r < g.readerStart[j + 1]; r++) {
      const i = pos[g.readerList[r]];
      lastNeed[j] = Math.max(lastNeed[j], i, rerun(i) ? latest[i] : -1);
    }
  }
  // Stages at which S[t][j] gets a column: from its making to its last need.
  const sSpan = (j: number): [number, number] => [
    g.kind[j] === KIND.input ? 0 : prodPos(j) + 1,
    // An input nobody reads is still resident at event 0.
    Math.max(Math.min(lastNeed[j], n - 1), g.kind[j] === KIND.input ? 0 : -1),
  ];
  // Counted before any is made: at 11,000 ops a model too large to solve
  // took a minute and gigabytes to build before it was refused.
  if (options.maxColumns !== undefined) {
    let columns = 0;
    for (let i = 0; i < n; i++) {
      if (!rerun(i)) continue;
      // A re-run at stage t reads its fixed inputs, gone after their last base read.
      let last = latest[i];
      const v = order[i];
      for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
        if (fixed(g.inList[k])) last = Math.min(last, lastBase[g.inList[k]]);
      }
      columns += Math.max(0, last - Math.max(first, 1, i + 1) + 1);
    }
    for (let j = 0; j < T; j++) {
      if (!varying(j) || fixed(j)) continue;
      const [from, to] = sSpan(j);
      columns += Math.max(0, to - from + 1);
    }
    if (columns > options.maxColumns) return undefined;
  }
  const rCol = new Int32Array(n * n).fill(-1);
  for (let t = Math.max(first, 1); t < n; t++) {
    if (late()) return undefined;
    for (let i = 0; i < t; i++) {
      if (!rerun(i) || t > latest[i] || readsFixedAfter(i, t)) continue;
      rCol[t * n + i] = b.addVar(`R_${t}_${i}`, {
        upper: 1,
        integer: true,
        cost: a.costs.cost[order[i]],
      });
    }
  }
  const sCol = new Int32Array(n * T).fill(-1);
  for (let j = 0; j < T; j++) {
    if (!varying(j) || fixed(j)) continue;
    const [from, to] = sSpan(j);
    for (let t = from; t <= to; t++) {
      const fixed = g.kind[j] === KIND.input && t === 0;
      sCol[t * T + j] = b.addVar(`S_${t}_${j}`, {
        lower: fixed ? 1 : 0,
        upper: 1,
        integer: true,
      });
    }
  }
  if (options.maxColumns !== undefined && b.numCols > options.maxColumns) return undefined;
  const R = (t: number, i: number) => (i === t ? -2 : rCol[t * n + i]); // -2: the base run
  const S = (t: number, j: number) => (t < n ? sCol[t * T + j] : -1);
  // Dependencies: a run reads what is kept or re-made earlier in its stage.
  for (let t = 0; t < n; t++) {
    if (late()) return undefined;
    for (let i = 0; i <= t; i++) {
      const ri = R(t, i);
      if (ri === -1) continue;
      const v = order[i];
      for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
        const j = g.inList[k];
        if (!varying(j) || fixed(j)) continue;
        const p = prodPos(j);
        const rp = p >= 0 ? R(t, p) : -1;
        const sj = S(t, j);
        const idx: number[] = [], val: number[] = [];
        if (rp >= 0) idx.push(rp), val.push(1);
        if (sj >= 0) idx.push(sj), val.push(1);
        if (ri === -2) {
          b.addRow(`dep_${t}_${i}_${j}`, idx, val, { lower: 1 });
        } else {
          idx.push(ri), val.push(-1);
          b.addRow(`dep_${t}_${i}_${j}`, idx, val, { lower: 0 });
        }
      }
    }
  }
  // Keeping: resident into t+1 only if resident in t or made in t; never kept and re-made.
  for (let j = 0; j < T; j++) {
    if (!varying(j) || fixed(j)) continue;
    const p = prodPos(j);
    for (let t = 0; t + 1 < n; t++) {
      const next = S(t + 1, j);
      if (next < 0) continue;
      if (p === t) continue; // made by base op t: free to keep
      const idx = [next], val = [1];
      const sj = S(t, j);
      if (sj >= 0) idx.push(sj), val.push(-1);
      const rp = p >= 0 ? R(t, p) : -1;
      if (rp >= 0) idx.push(rp), val.push(-1);
      b.addRow(`keep_${t}_${j}`, idx, val, { upper: 0 });
    }
    for (let t = 0; t < n; t++) {
      const sj = S(t, j), rp = p >= 0 ? R(t, p) : -1;
      if (sj >= 0 && rp >= 0) b.addRow(`once_${t}_${j}`, [sj, rp], [1, 1], { upper: 1 });
    }
  }
  // Memory: events of each stage, frees after each, resident bytes at each.
  const constant = new Float64Array(n);
  const outBytes = new Float64Array(n);
  let persistent = 0;
  for (let j = 0; j < T; j++) if (isPersistentKind(g.kind[j])) persistent += g.size[j];
  for (let t = 0; t < n; t++) {
    if (late()) return undefined;
    let c = persistent;
    for (let j = 0; j < T; j++) {
      if (g.kind[j] === KIND.output && prodPos(j) >= 0 && prodPos(j) < t) c += g.size[j];
      // A fixed tensor: resident from its creation (event 0 for an input) to its last base read.
      if (fixed(j) && t <= lastBase[j] && (g.kind[j] === KIND.input || prodPos(j) < t)) {
        c += g.size[j];
      }
    }
    constant[t] = c;
    const v = order[t];
    for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) outBytes[t] += g.size[g.outList[k]];
  }
  const freeCol = new Map<string, number>(), uCol = new Map<string, number>();
  const stageEvents: number[][] = [];
  for (let t = 0; t < n; t++) {
    if (late()) return undefined;
    const ks: number[] = [];
    for (let i = 0; i < t; i++) if (R(t, i) >= 0) ks.push(i);
    ks.push(t);
    stageEvents.push(ks);
    const inStage = new Set(ks);
    let prevU = -1;
    let prevFrees: [number, number][] = [];
    for (const k of ks) {
      const u = b.addVar(`U_${t}_${k}`, { upper: options.budget });
      uCol.set(`${t},${k}`, u);
      const idx = [u], val = [1];
      let rhs = 0;
      const rk = R(t, k);
      if (rk === -2) rhs += outBytes[k];
      else idx.push(rk), val.push(-outBytes[k]);
      if (prevU < 0) {
        rhs += constant[t];
        for (let j = 0; j < T; j++) {
          const sj = S(t, j);
          if (sj >= 0) idx.push(sj), val.push(-g.size[j]);
        }
      } else {
        idx.push(prevU), val.push(-1);
        for (const [col, size] of prevFrees) idx.push(col), val.push(size);
      }
      b.addRow(`mem_${t}_${k}`, idx, val, { lower: rhs, upper: rhs });
      // Frees right after event k: its inputs and outputs no later run of the stage reads.
      prevFrees = [];
      const v = order[k];
      const touched = new Set<number>();
      for (let q = g.inStart[v]; q < g.inStart[v + 1]; q++) touched.add(g.inList[q]);
      for (let q = g.outStart[v]; q < g.outStart[v + 1]; q++) touched.add(g.outList[q]);
      for (const j of touched) {
        if (!varying(j) || fixed(j)) continue;
        const later: number[] = [];
        let readByBase = false;
        for (let r = g.readerStart[j]; r < g.readerStart[j + 1]; r++) {
          const i = pos[g.readerList[r]];
          if (i <= k || !inStage.has(i)) continue;
          if (i === t) readByBase = true;
          else later.push(R(t, i));
        }
        const keptOn = S(t + 1, j);
        if (readByBase) continue;
        const f = b.addVar(`F_${t}_${k}_${j}`, { upper: 1, integer: true });
        freeCol.set(`${t},${k},${j}`, f);
        if (rk !== -2) b.addRow(`fr_${t}_${k}_${j}`, [f, rk], [1, -1], { upper: 0 });
        for (const ri of new Set(later)) {
          b.addRow(`fl_${t}_${k}_${j}_${ri}`, [f, ri], [1, 1], { upper: 1 });
        }
        if (keptOn >= 0) b.addRow(`fk_${t}_${k}_${j}`, [f, keptOn], [1, 1], { upper: 1 });
        prevFrees.push([f, g.size[j]]);
      }
      prevU = u;
    }
  }
  return { model: b.build(), order, rCol, sCol, freeCol, uCol, stageEvents, constant };
}

/**
 * The stage-form events of a solution's R columns.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { programOrder } from "../../graph/lifetimes.ts";
 * import { analyseBudget } from "./analysis.ts";
 * const g = trainingChain(4);
 * const a = analyseBudget(g);
 * const cm = buildCheckmateModel(a, programOrder(g), { budget: 1 << 20 })!;
 * const events = checkmateEvents(cm, new Float64Array(cm.model.numCols)); // no re-runs
 * assert.ok(events.kind.every((k) => k === 0));
 * ```
 */
export function checkmateEvents(cm: CheckmateModel, values: Float64Array): Events {
  const n = cm.order.length;
  const kind: number[] = [], target: number[] = [];
  for (let t = 0; t < n; t++) {
    for (const k of cm.stageEvents[t]) {
      if (k !== t && values[cm.rCol[t * n + k]] < 0.5) continue;
      kind.push(EVENT.run);
      target.push(cm.order[k]);
    }
  }
  return { kind: Uint8Array.from(kind), target: Int32Array.from(target) };
}

/**
 * The model's point for stage-form events of the same base order (a MIP
 * start): R from the re-runs, S, FREE and U from the residencies. Returns
 * undefined when the events are not in this model's stage form.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { programOrder } from "../../graph/lifetimes.ts";
 * import { analyseBudget } from "./analysis.ts";
 * import { runEvents } from "../../graph/budget/events.ts";
 * import { evaluate } from "../highs/model.ts";
 * const g = trainingChain(4);
 * const a = analyseBudget(g);
 * const cm = buildCheckmateModel(a, programOrder(g), { budget: 1 << 20 })!;
 * const start = checkmatePoint(a, cm, runEvents(programOrder(g)));
 * assert.ok(start && evaluate(cm.model, start).feasible); // program order is a point of the model
 * ```
 */
export function checkmatePoint(
  a: BudgetAnalysis,
  cm: CheckmateModel,
  events: Events,
): Float64Array | undefined {
  const g = a.g;
  const n = cm.order.length, T = g.tensorCount;
  const x = new Float64Array(cm.model.numCols);
  const pos = new Int32Array(g.opCount);
  for (let s = 0; s < n; s++) pos[cm.order[s]] = s;
  const stageOf = new Int32Array(events.kind.length);
  const eventAt = new Map<string, number>();
  let t = 0;
  const ran = new Uint8Array(g.opCount);
  for (let e = 0; e < events.kind.length; e++) {
    if (events.kind[e] !== EVENT.run) return undefined;
    const v = events.target[e];
    if (!ran[v]) {
      if (pos[v] !== t) return undefined;
      ran[v] = 1;
      stageOf[e] = t;
      eventAt.set(`${t},${t}`, e);
      t++;
      continue;
    }
    const col = cm.rCol[t * n + pos[v]];
    if (col < 0) return undefined;
    x[col] = 1;
    stageOf[e] = t;
    eventAt.set(`${t},${pos[v]}`, e);
  }
  const res = residencies(g, events);
  const stageStart = new Int32Array(n);
  for (let s = n - 1, e = events.kind.length - 1; e >= 0; e--) {
    while (s > stageOf[e]) s--;
    stageStart[stageOf[e]] = e;
  }
  for (let r = 0; r < res.count; r++) {
    const j = res.tensor[r];
    for (let s = 0; s < n; s++) {
      const col = cm.sCol[s * T + j];
      if (col >= 0 && res.first[r] < stageStart[s] && res.last[r] >= stageStart[s]) x[col] = 1;
      if (col >= 0 && s === 0 && g.kind[j] === KIND.input) x[col] = 1;
    }
  }
  const endsAt = new Map<number, number[]>();
  for (let r = 0; r < res.count; r++) {
    const list = endsAt.get(res.last[r]) ?? [];
    list.push(res.tensor[r]);
    endsAt.set(res.last[r], list);
  }
  for (const [key, col] of cm.freeCol) {
    const [s, k, j] = key.split(",").map(Number);
    const e = eventAt.get(`${s},${k}`);
    if (e !== undefined && (endsAt.get(e) ?? []).includes(j)) x[col] = 1;
  }
  // U from the rows themselves: each mem row is U = rhs + Σ (-coef)·x of the others.
  const m = cm.model;
  for (let i = 0; i < m.numRows; i++) {
    if (!m.rowNames[i].startsWith("mem_")) continue;
    let u = -1, rest = 0;
    for (let q = m.rowStart[i]; q < m.rowStart[i + 1]; q++) {
      const col = m.rowIndex[q];
      if (m.colNames[col].startsWith("U_") && m.colNames[col] === `U_${m.rowNames[i].slice(4)}`) {
        u = col;
      } else rest += m.rowValue[q] * x[col];
    }
    x[u] = m.rowLower[i] - rest;
  }
  return x;
}
