/**
 * The reference property 8 holds exact budget planners and the judge to: a
 * brute force over every stage-form recompute plan of the program order of a
 * tiny graph (before each op, any subset of the earlier re-runnable ops runs
 * again, in op order). It shares no code with the judge (simulator/budget/)
 * nor with the planners (solver/budget/): it re-derives validity, residencies
 * and peak from docs/FORMAT.md §7 in the plainest way, quadratic and all.
 * Only the format's own rules come from graph/ (which ops may run again, what
 * an op costs).
 *
 * @module
 */
import { opCosts } from "../graph/budget/op_cost.ts";
import { recomputableOps } from "../graph/budget/recompute_rules.ts";
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import { isPersistentKind, isUnproducedKind, KIND } from "../graph/kind_codes.ts";

/** One enumerated plan: its runs (op indices, in order), validity, peak and recomputed cost. */
export interface OraclePlan {
  runs: number[];
  /** Every op's inputs resident when it runs, every `after` edge held by every run. */
  valid: boolean;
  peak: number;
  cost: number;
}

/** Every (before op t, re-run op i) slot of the stage form; throws past `maxSlots`. */
function stageSlots(g: IndexedGraph, maxSlots: number): [number, number][] {
  const rerunOk = recomputableOps(g);
  const out: [number, number][] = [];
  for (let t = 1; t < g.opCount; t++) for (let i = 0; i < t; i++) if (rerunOk[i]) out.push([t, i]);
  if (out.length > maxSlots) throw new Error(`${out.length} slots: too many to enumerate`);
  return out;
}

/**
 * How many stage-form slots the graph has (2^slots plans to enumerate).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../graph/budget/training_chain.ts";
 * assert.equal(oracleSlots(trainingChain(1)), 3); // f1 may re-run before loss, b1 and u1
 * ```
 */
export function oracleSlots(g: IndexedGraph): number {
  return stageSlots(g, Infinity).length;
}

/** Peak bytes of a run-only plan by the residency rule of FORMAT §7.2, tensor by tensor. */
function peakOf(g: IndexedGraph, runs: number[]): number {
  const m = runs.length;
  const live = new Array<number>(m).fill(0);
  const reads = (e: number, t: number) => {
    const v = runs[e];
    for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) if (g.inList[k] === t) return true;
    return false;
  };
  for (let t = 0; t < g.tensorCount; t++) {
    const starts: number[] = [];
    if (isUnproducedKind(g.kind[t])) starts.push(0);
    else for (let e = 0; e < m; e++) if (runs[e] === g.producer[t]) starts.push(e);
    for (let s = 0; s < starts.length; s++) {
      const next = s + 1 < starts.length ? starts[s + 1] : m;
      let last = starts[s];
      for (let e = starts[s]; e < next; e++) if (reads(e, t)) last = e;
      const k = g.kind[t];
      if (s === starts.length - 1 && (isPersistentKind(k) || k === KIND.output)) last = m - 1;
      for (let e = starts[s]; e <= last; e++) live[e] += g.size[t];
    }
  }
  return Math.max(0, ...live);
}

function validRuns(g: IndexedGraph, runs: number[]): boolean {
  const made = new Set<number>();
  for (let t = 0; t < g.tensorCount; t++) if (isUnproducedKind(g.kind[t])) made.add(t);
  for (const v of runs) {
    for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) if (!made.has(g.inList[k])) return false;
    for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) made.add(g.outList[k]);
  }
  // afterList of v: the ops every run of which must come before v's first run.
  for (let v = 0; v < g.opCount; v++) {
    const first = runs.indexOf(v);
    for (let k = g.afterStart[v]; k < g.afterStart[v + 1]; k++) {
      if (runs.lastIndexOf(g.afterList[k]) > first) return false;
    }
  }
  return true;
}

/**
 * Every stage-form plan of the program order with its validity, peak and
 * recomputed cost (2^slots of them; throws past `maxSlots` slots).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../graph/budget/training_chain.ts";
 * const plans = oraclePlans(trainingChain(1));
 * assert.equal(plans.length, 8);
 * assert.ok(plans.some((p) => p.valid && p.cost === 0)); // the program order itself
 * ```
 */
export function oraclePlans(g: IndexedGraph, maxSlots = 12): OraclePlan[] {
  const slots = stageSlots(g, maxSlots);
  const cost = opCosts(g).cost;
  const out: OraclePlan[] = [];
  for (let mask = 0; mask < 2 ** slots.length; mask++) {
    const runs: number[] = [];
    let extra = 0;
    for (let t = 0; t < g.opCount; t++) {
      for (let b = 0; b < slots.length; b++) {
        if (slots[b][0] === t && (mask & (2 ** b)) !== 0) {
          runs.push(slots[b][1]);
          extra += cost[slots[b][1]];
        }
      }
      runs.push(t);
    }
    out.push({ runs, valid: validRuns(g, runs), peak: peakOf(g, runs), cost: extra });
  }
  return out;
}

/**
 * The least recomputed cost of a valid plan with peak within `budget`, or Infinity.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const plans = [
 *   { runs: [], valid: true, peak: 10, cost: 0 },
 *   { runs: [], valid: true, peak: 8, cost: 5 },
 *   { runs: [], valid: false, peak: 6, cost: 1 },
 * ];
 * assert.equal(oracleCost(plans, 8), 5);
 * assert.equal(oracleCost(plans, 6), Infinity); // the only plan that fits is invalid
 * ```
 */
export function oracleCost(plans: OraclePlan[], budget: number): number {
  let best = Infinity;
  for (const p of plans) if (p.valid && p.peak <= budget && p.cost < best) best = p.cost;
  return best;
}
