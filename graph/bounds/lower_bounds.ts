/**
 * All the lower bounds of one graph in one call, with timings and the op that
 * gave each: what a report quotes to say how far a plan is from the best
 * possible.
 *
 * @module
 */
import type { IndexedGraph } from "../indexed_graph.ts";
import type { Schedule } from "../types.ts";
import { cutPerOp } from "./cut.ts";
import { maxOverOps } from "./max_over_ops.ts";
import { mincutBound } from "./mincut.ts";
import { orderSplitBound } from "./order_split.ts";
import { precedence } from "./precedence.ts";
import { endStepsBound } from "./end_steps.ts";
import { trivialBound } from "./trivial.ts";
import { type Bound, BOUND_KINDS, type BoundKind } from "./types.ts";

/** Options of {@linkcode lowerBounds}. */
export interface LowerBoundsOptions {
  /**
   * Seconds for the whole call; default 10. The trivial and cut bounds always
   * finish (they are near linear); min-cut and split use what is left and, if
   * stopped, still return valid (perhaps weaker) bounds.
   */
  timeLimit?: number;
  /**
   * Bounds wanted; default `["trivial", "cut", "mincut"]`. A bound's
   * prerequisites are computed (and reported) too: min-cut needs cut.
   */
  kinds?: readonly BoundKind[];
  /** Valid schedules (e.g. planners' orders): they let min-cut skip more ops. */
  orders?: readonly Schedule[];
  /** Memory budget of the reachability bitsets, bytes; default 128 MiB. */
  maxBytes?: number;
}

/** One bound: its bytes, the op whose step gave it, and its cost. */
export interface BoundDetail extends Bound {
  /** Id of `op`; absent when `op` is -1 (the first or last step, see `step`, or a case split). */
  opId?: string;
  /** Seconds spent on this bound alone. */
  seconds: number;
  /** False when the time limit stopped it (it is still a valid bound). */
  complete: boolean;
}

/** What {@linkcode lowerBounds} returns. */
export interface LowerBoundsResult {
  /** Bytes of each bound computed; absent when not computed. */
  trivial?: number;
  cut?: number;
  mincut?: number;
  split?: number;
  /** The largest bound: every schedule's peak live is at least this. */
  best: number;
  /** The weakest kind that reaches `best` (they are ordered: split >= mincut >= cut >= trivial). */
  bestKind: BoundKind;
  /** Per bound computed: which op gave it, seconds, completeness. */
  details: Partial<Record<BoundKind, BoundDetail>>;
  /** Seconds for the whole call. */
  seconds: number;
}

/**
 * Lower bounds on the peak live bytes (FORMAT.md §5) of every schedule of `g`:
 * {@linkcode trivialBound} <= {@linkcode cutBound} <= {@linkcode mincutBound} <=
 * {@linkcode orderSplitBound} <= the optimum. The proofs are in those functions'
 * comments. A plan with peak live L is within `(L - best) / L` of the best
 * possible.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * const lb = lowerBounds(await loadGraph("testdata/graphs/tiny.json"));
 * assert.equal(lb.best, 22); // program order (peak 22) is optimal
 * assert.equal(lb.details.trivial?.opId, "f3");
 * ```
 */
export function lowerBounds(g: IndexedGraph, options: LowerBoundsOptions = {}): LowerBoundsResult {
  const begin = performance.now();
  const deadline = begin + (options.timeLimit ?? 10) * 1000;
  const left = () => Math.max(0, (deadline - performance.now()) / 1000);
  const want = new Set<BoundKind>(options.kinds ?? ["trivial", "cut", "mincut"]);
  if (want.size === 0) throw new RangeError("kinds must name at least one bound");
  if (want.has("split")) want.add("mincut");
  if (want.has("mincut")) want.add("cut");
  const result: LowerBoundsResult = { best: 0, bestKind: "trivial", details: {}, seconds: 0 };
  const record = (kind: BoundKind, bound: Bound, started: number, complete = true) => {
    const detail: BoundDetail = {
      bytes: bound.bytes,
      op: bound.op,
      seconds: (performance.now() - started) / 1000,
      complete,
    };
    if (bound.step) detail.step = bound.step;
    if (bound.op >= 0) detail.opId = g.opIds[bound.op];
    result.details[kind] = detail;
    result[kind] = bound.bytes;
  };
  let t = performance.now();
  if (want.has("trivial")) record("trivial", trivialBound(g), t);
  const p = precedence(g);
  let cut: Float64Array | undefined, cutOnly: Bound | undefined;
  const progress = { complete: true };
  if (want.has("cut")) {
    t = performance.now();
    cut = cutPerOp(g, { precedence: p, maxBytes: options.maxBytes, deadline, progress });
    cutOnly = maxOverOps(cut, endStepsBound(g));
    record("cut", cutOnly, t, progress.complete);
  }
  if (want.has("mincut")) {
    t = performance.now();
    if (progress.complete) {
      const m = mincutBound(g, {
        precedence: p,
        cut,
        orders: options.orders,
        maxBytes: options.maxBytes,
        timeLimit: left(),
      });
      record("mincut", m, t, m.complete);
    } else {
      // Its flows start from the cut bound of every op: not reached in time.
      record("mincut", cutOnly!, t, false);
    }
  }
  if (want.has("split")) {
    t = performance.now();
    const s = orderSplitBound(g, { timeLimit: left() });
    // Splitting starts again from the min-cut bound; keep the larger if time was short.
    const m = result.details.mincut!;
    record("split", s.bytes >= m.bytes ? s : m, t, s.complete);
  }
  for (const kind of BOUND_KINDS) {
    const b = result[kind];
    if (b !== undefined && (b > result.best || result.details[result.bestKind] === undefined)) {
      result.best = b;
      result.bestKind = kind;
    }
  }
  result.seconds = (performance.now() - begin) / 1000;
  return result;
}
