/**
 * A MOCCASIN-style interval MILP (after Bartan et al., 2023) over a fixed base
 * order: each re-runnable op may run again at most K−1 times, each run opening
 * one residency interval per output tensor. Variables grow with n·K, not n².
 *
 * Time is the event position in stage form: stage j runs its re-runs in base
 * order, then base op j; the event of base position i in stage j has time
 * `j·n + i`. Interval k ≥ 1 of op p starts at `σ[p,k]·n + pos(p)` (σ is the
 * stage, an integer); interval 0 starts at p's base run. Each output tensor t
 * has an end `e[t,k]` (an integer time). Every read of t (by a base op or by a
 * re-run) lies inside an interval of t with a start before it: a binary picks
 * which. A memory row at time τ sums the bytes of the intervals covering τ
 * (indicator binaries made when the row is added); rows are added lazily, at
 * the times where a replayed solution overshoots, because all n² of them are
 * too many for HiGHS in WebAssembly.
 *
 * With the least ends a solution allows, the intervals covering an event are
 * exactly the residencies the replay finds there, so the model with every row
 * is exact for stage-form plans of the base order with at most K−1 re-runs per
 * op; with fewer rows it is a relaxation (its bound stays valid).
 *
 * @module
 */
import { EVENT, type Events } from "../../graph/budget/events.ts";
import { isPersistentKind, KIND } from "../../graph/kind_codes.ts";
import { type LinearModel, ModelBuilder } from "../highs/model.ts";
import type { BudgetAnalysis } from "./analysis.ts";

/** Options of {@linkcode MoccasinModel}. */
export interface MoccasinModelOptions {
  budget: number;
  /** Intervals per tensor, the first being its base run (K ≥ 1); default 3. */
  intervals?: number;
  /** Only these ops may run again; default every re-runnable op. */
  allowed?: Uint8Array;
}

interface Interval {
  op: number;
  k: number;
  /** Column of the stage σ (k ≥ 1), of the use binary u (k ≥ 1). */
  sigma: number;
  use: number;
  minStart: number;
  maxStart: number;
}

/**
 * The interval model of one base order and budget; memory rows are added with
 * {@linkcode MoccasinModel.addMemoryRow} (a builder that grows: state).
 */
export class MoccasinModel {
  readonly a: BudgetAnalysis;
  readonly order: Int32Array;
  readonly budget: number;
  readonly K: number;
  readonly pos: Int32Array;
  /** Re-run intervals per op (k = 1 … K−1), empty when the op never runs again. */
  readonly reruns: Interval[][];
  /** End column of interval k of tensor t: `endCol[t * K + k]`, -1 when absent. */
  readonly endCol: Int32Array;
  /** Least and greatest end of interval k of tensor t. */
  readonly minEnd: Float64Array;
  readonly maxEnd: Float64Array;
  /** Memory rows added so far, by time. */
  readonly rowsAt = new Set<number>();
  readonly #b = new ModelBuilder("moccasin");
  readonly #n: number;
  readonly #varying: Uint8Array;

  /**
   * Builds the variables and the read-serving rows (no memory rows yet).
   *
   * @example
   * ```ts
   * import assert from "node:assert/strict";
   * import { trainingChain } from "../../graph/budget/training_chain.ts";
   * import { programOrder } from "../../graph/lifetimes.ts";
   * import { analyseBudget } from "./analysis.ts";
   * const g = trainingChain(4);
   * const m = new MoccasinModel(analyseBudget(g), programOrder(g), { budget: 40 });
   * assert.equal(m.reruns.filter((r) => r.length > 0).length, 4); // f1…f4 may run again
   * ```
   */
  constructor(a: BudgetAnalysis, order: Int32Array, options: MoccasinModelOptions) {
    const g = a.g;
    this.a = a;
    this.order = order;
    this.budget = options.budget;
    const K = this.K = Math.max(1, Math.floor(options.intervals ?? 3));
    const n = this.#n = order.length;
    const T = g.tensorCount;
    const b = this.#b;
    const pos = this.pos = new Int32Array(g.opCount);
    for (let s = 0; s < n; s++) pos[order[s]] = s;
    const varying = this.#varying = new Uint8Array(T);
    for (let t = 0; t < T; t++) {
      const kd = g.kind[t];
      varying[t] = g.size[t] > 0 && !isPersistentKind(kd) && kd !== KIND.output ? 1 : 0;
    }
    // Latest stage of a re-run of v: no later than any op that must follow every run of it.
    const latest = new Int32Array(g.opCount).fill(n - 1);
    for (let v = 0; v < g.opCount; v++) {
      for (let k = a.succStart[v]; k < a.succStart[v + 1]; k++) {
        latest[v] = Math.min(latest[v], pos[a.succList[k]]);
      }
    }
    const time = (stage: number, v: number) => stage * n + pos[v];
    this.reruns = [];
    for (let v = 0; v < g.opCount; v++) {
      const list: Interval[] = [];
      const ok = a.recomputable[v] === 1 && (!options.allowed || options.allowed[v] === 1) &&
        pos[v] + 1 <= latest[v];
      for (let k = 1; ok && k < K; k++) {
        const use = b.addVar(`u_${v}_${k}`, { upper: 1, integer: true, cost: a.costs.cost[v] });
        const sigma = b.addVar(`s_${v}_${k}`, {
          lower: pos[v] + 1,
          upper: latest[v],
          integer: true,
        });
        list.push({
          op: v,
          k,
          sigma,
          use,
          minStart: time(pos[v] + 1, v),
          maxStart: time(latest[v], v),
        });
        if (k > 1) {
          const prev = list[k - 2];
          // Symmetry: intervals used in order, at strictly later stages.
          b.addRow(`ord_${v}_${k}`, [use, prev.use], [1, -1], { upper: 0 });
          const M = latest[v] - pos[v];
          b.addRow(`lt_${v}_${k}`, [sigma, prev.sigma, use], [1, -1, -M], { lower: 1 - M });
        }
      }
      this.reruns.push(list);
    }
    // Reads of each tensor: base reads (fixed times) and re-runs of readers (variable times).
    const baseReads: number[][] = Array.from({ length: T }, () => []);
    const rerunReads: Interval[][] = Array.from({ length: T }, () => []);
    for (let t = 0; t < T; t++) {
      if (!varying[t]) continue;
      for (let r = g.readerStart[t]; r < g.readerStart[t + 1]; r++) {
        const q = g.readerList[r];
        baseReads[t].push(pos[q] * n + pos[q]);
        for (const iv of this.reruns[q]) rerunReads[t].push(iv);
      }
    }
    this.endCol = new Int32Array(T * K).fill(-1);
    this.minEnd = new Float64Array(T * K);
    this.maxEnd = new Float64Array(T * K);
    for (let t = 0; t < T; t++) {
      if (!varying[t]) continue;
      const p = g.producer[t];
      const created = p >= 0 ? time(pos[p], p) : 0;
      let lastBase = created, lastAny = created;
      for (const x of baseReads[t]) lastBase = Math.max(lastBase, x);
      lastAny = lastBase;
      for (const iv of rerunReads[t]) lastAny = Math.max(lastAny, iv.maxStart);
      const ivs = p >= 0 ? this.reruns[p] : [];
      // Interval 0: from the creation; it serves every base read when nothing re-makes t.
      const min0 = ivs.length === 0 ? lastBase : created;
      this.#addEnd(t, 0, min0, lastAny);
      for (const iv of ivs) {
        this.#addEnd(t, iv.k, iv.minStart, lastAny);
        // A used interval lasts at least to its own creation event.
        const e = this.endCol[t * K + iv.k];
        const M = iv.maxStart - iv.minStart;
        if (M > 0) {
          b.addRow(`own_${t}_${iv.k}`, [e, iv.sigma, iv.use], [1, -n, -M], {
            lower: pos[p] - M,
          });
        }
      }
      // Base reads: served by interval 0 or by a re-run interval that starts before them.
      for (const x of ivs.length > 0 ? baseReads[t] : []) {
        const zs: number[] = [];
        const z0 = b.addVar(`z_${t}_${x}_0`, { upper: 1, integer: true });
        zs.push(z0);
        this.#servedEnd(t, 0, x, z0);
        for (const iv of ivs) {
          if (iv.minStart > x) continue;
          const z = b.addVar(`z_${t}_${x}_${iv.k}`, { upper: 1, integer: true });
          zs.push(z);
          b.addRow(`zu_${t}_${x}_${iv.k}`, [z, iv.use], [1, -1], { upper: 0 });
          // n·σ + pos(p) ≤ x + M(1 − z)
          const M = iv.maxStart - x;
          if (M > 0) {
            b.addRow(`zs_${t}_${x}_${iv.k}`, [iv.sigma, z], [n, M], { upper: x + M - pos[p] });
          }
          this.#servedEnd(t, iv.k, x, z);
        }
        b.addRow(`serve_${t}_${x}`, zs, zs.map(() => 1), { lower: 1, upper: 1 });
      }
      // Re-run reads: a used re-run of a reader q at time n·σq + pos(q) is served likewise.
      for (const rq of rerunReads[t]) {
        const q = rq.op;
        const tag = `${t}_${q}_${rq.k}`;
        if (ivs.length === 0) {
          // Only interval 0: it lasts to the re-run when the re-run is used.
          const e = this.endCol[t * K];
          const M = rq.maxStart - this.minEnd[t * K];
          if (M > 0) {
            b.addRow(`r0_${tag}`, [e, rq.sigma, rq.use], [1, -n, -M], { lower: pos[q] - M });
          }
          continue;
        }
        const zs: number[] = [];
        for (const iv of [undefined, ...ivs]) {
          if (iv && iv.minStart > rq.maxStart) continue;
          const k = iv ? iv.k : 0;
          const z = b.addVar(`y_${tag}_${k}`, { upper: 1, integer: true });
          zs.push(z);
          if (iv) {
            b.addRow(`yu_${tag}_${k}`, [z, iv.use], [1, -1], { upper: 0 });
            // n·σp + pos(p) ≤ n·σq + pos(q) + M(1 − z)
            const M = iv.maxStart - rq.minStart;
            if (M > 0) {
              b.addRow(`ys_${tag}_${k}`, [iv.sigma, rq.sigma, z], [n, -n, M], {
                upper: pos[q] - pos[p] + M,
              });
            }
          }
          // e ≥ n·σq + pos(q) − M(1 − z)
          const e = this.endCol[t * K + k];
          const M = rq.maxStart - this.minEnd[t * K + k];
          if (M > 0) {
            b.addRow(`ye_${tag}_${k}`, [e, rq.sigma, z], [1, -n, -M], { lower: pos[q] - M });
          }
        }
        b.addRow(`yserve_${tag}`, [...zs, rq.use], [...zs.map(() => 1), -1], {
          lower: 0,
          upper: 0,
        });
      }
    }
  }

  #addEnd(t: number, k: number, lo: number, hi: number): void {
    const K = this.K;
    this.minEnd[t * K + k] = lo;
    this.maxEnd[t * K + k] = Math.max(lo, hi);
    this.endCol[t * K + k] = this.#b.addVar(`e_${t}_${k}`, {
      lower: lo,
      upper: Math.max(lo, hi),
      integer: true,
    });
  }

  /** e[t,k] ≥ x − M(1 − z): a read at fixed time x served by interval k. */
  #servedEnd(t: number, k: number, x: number, z: number): void {
    const M = x - this.minEnd[t * this.K + k];
    if (M <= 0) return;
    this.#b.addRow(`ze_${t}_${x}_${k}`, [this.endCol[t * this.K + k], z], [1, -M], {
      lower: x - M,
    });
  }

  /** The model with the rows added so far. */
  get model(): LinearModel {
    return this.#b.build();
  }

  /**
   * Adds the memory row at time τ: bytes of the intervals covering τ, plus
   * persistent and output bytes, within the budget. Returns false when the
   * row was there already.
   */
  addMemoryRow(tau: number): boolean {
    if (this.rowsAt.has(tau)) return false;
    this.rowsAt.add(tau);
    const { a, K } = this;
    const g = a.g, n = this.#n, b = this.#b;
    let constant = a.persistentBytes;
    const idx: number[] = [], val: number[] = [];
    const startIndicator = new Map<Interval, number>();
    const started = (iv: Interval): number => {
      // a = 1 when n·σ + pos ≤ τ: n·σ ≥ τ + 1 − pos − M·a.
      let col = startIndicator.get(iv);
      if (col !== undefined) return col;
      col = b.addVar(`a_${iv.op}_${iv.k}_${tau}`, { upper: 1, integer: true });
      const M = tau + 1 - iv.minStart;
      b.addRow(`ra_${iv.op}_${iv.k}_${tau}`, [iv.sigma, col], [n, M], {
        lower: tau + 1 - this.pos[iv.op],
      });
      startIndicator.set(iv, col);
      return col;
    };
    for (let t = 0; t < g.tensorCount; t++) {
      const p = g.producer[t];
      if (g.kind[t] === KIND.output && g.size[t] > 0) {
        if (p >= 0 && this.pos[p] * n + this.pos[p] <= tau) constant += g.size[t];
        continue;
      }
      if (!this.#varying[t]) continue;
      const created = p >= 0 ? this.pos[p] * n + this.pos[p] : 0;
      for (let k = 0; k < K; k++) {
        const e = this.endCol[t * K + k];
        if (e < 0) continue;
        const iv = k > 0 ? this.reruns[p][k - 1] : undefined;
        if (iv ? iv.minStart > tau : created > tau) continue;
        if (this.maxEnd[t * K + k] < tau) continue;
        // b = 1 when e ≥ τ: e ≤ τ − 1 + M·b.
        let ended = -1;
        if (this.minEnd[t * K + k] < tau) {
          ended = b.addVar(`b_${t}_${k}_${tau}`, { upper: 1, integer: true });
          const M = this.maxEnd[t * K + k] - tau + 1;
          b.addRow(`rb_${t}_${k}_${tau}`, [e, ended], [1, -M], { upper: tau - 1 });
        }
        if (!iv) {
          if (ended < 0) constant += g.size[t];
          else idx.push(ended), val.push(g.size[t]);
          continue;
        }
        // y ≥ started + ended + used − 2.
        const y = b.addVar(`c_${t}_${k}_${tau}`, { upper: 1 });
        const parts = [y, iv.use], coef = [1, -1];
        let rhs = -2; // y − used − started − ended ≥ −2, a constant 1 moving to the right
        if (iv.maxStart > tau) parts.push(started(iv)), coef.push(-1);
        else rhs += 1;
        if (ended >= 0) parts.push(ended), coef.push(-1);
        else rhs += 1;
        b.addRow(`rc_${t}_${k}_${tau}`, parts, coef, { lower: rhs });
        idx.push(y), val.push(g.size[t]);
      }
    }
    b.addRow(`mem_${tau}`, idx, val, { upper: this.budget - constant });
    return true;
  }

  /**
   * Stage-form events of a solution: each used interval re-runs its op in its
   * stage, re-runs of a stage in base order before its base op.
   */
  events(values: Float64Array): Events {
    const n = this.#n;
    const stage: number[][] = Array.from({ length: n }, () => []);
    for (const list of this.reruns) {
      for (const iv of list) {
        if (values[iv.use] < 0.5) continue;
        const s = Math.round(values[iv.sigma]);
        if (!stage[s].includes(this.pos[iv.op])) stage[s].push(this.pos[iv.op]);
      }
    }
    const kind: number[] = [], target: number[] = [];
    for (let j = 0; j < n; j++) {
      for (const i of stage[j].sort((x, y) => x - y)) {
        kind.push(EVENT.run), target.push(this.order[i]);
      }
      kind.push(EVENT.run), target.push(this.order[j]);
    }
    return { kind: Uint8Array.from(kind), target: Int32Array.from(target) };
  }

  /**
   * The time of every event of stage-form events of this base order (for the
   * rows to add where a replay overshoots).
   */
  times(events: Events): Float64Array {
    const n = this.#n;
    const out = new Float64Array(events.kind.length);
    let j = 0;
    for (let e = 0; e < events.kind.length; e++) {
      const i = this.pos[events.target[e]];
      out[e] = j * n + i;
      if (i === j) j++;
    }
    return out;
  }
}
