/**
 * The `ilp` scheduler: OLLA's lifetime ILP, started from the greedy order.
 * Small graphs get the whole ILP; larger ones get a large-neighbourhood
 * search that re-solves windows of consecutive steps around the peak exactly
 * and keeps every change that lowers the true peak.
 *
 * @module
 */
import { cutBound } from "../../graph/bounds/cut.ts";
import { CUT_BOUND_MAX_OPS } from "../../graph/bounds/order_bound.ts";
import { trivialBound } from "../../graph/bounds/trivial.ts";
import { precedence } from "../../graph/bounds/precedence.ts";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { lifetimes } from "../../graph/lifetimes.ts";
import { liveTimeline } from "../../graph/metrics.ts";
import { isValidOrder } from "../../graph/order_check.ts";
import type { Schedule } from "../../graph/types.ts";
import { KILL_GRACE, solveModel } from "../highs/solve.ts";
import { scheduleGreedy } from "../schedulers/greedy.ts";
import type { PlannerStatus, ScheduleOptions, Scheduler, ScheduleResult } from "../types.ts";
import { windowDag } from "./_window_dag.ts";
import { buildScheduleModel } from "./schedule_model.ts";

/** Above this many ops the whole-graph ILP is not considered (see `fullColumns`). */
const FULL_MAX_OPS = 20_000;

/** Options of {@linkcode scheduleIlp}. */
export interface IlpScheduleOptions extends ScheduleOptions {
  /** The order to improve; default the greedy scheduler's. Never returned worse. */
  start?: Schedule;
  /** Use the whole-graph ILP when its `D` columns are at most this many; default 2500. */
  fullMaxColumns?: number;
  /** Steps in the first window; default 24. */
  window?: number;
  /** Longest window; default 400. */
  maxWindow?: number;
  /** Seconds per window solve; default 8. */
  windowTimeLimit?: number;
  /**
   * Branch-and-bound nodes per window; default 5000. Unlike a time limit it
   * stops HiGHS at the same point on every machine; windows that reach
   * `windowTimeLimit` first still make runs differ.
   */
  windowNodeLimit?: number;
  /** A proved lower bound (bytes) on every order's peak; default the cut bound. */
  lowerBound?: number;
}

/**
 * Improves an order with the lifetime ILP until `timeLimit` seconds (default
 * 30) have passed. The result is never worse than the start, is always a
 * topological order, and its `peakLive` is measured from its lifetimes, never
 * taken from the ILP. Status `optimal` only when the whole-graph ILP proved it
 * or the peak reached the lower bound; windows prove nothing globally.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../../graph/indexed_graph.ts";
 * import { scheduleGreedy } from "../schedulers/greedy.ts";
 * import { threeBranchGraph } from "./_test_graphs.ts";
 * const g = indexGraph(threeBranchGraph());
 * // never worse than its start, whatever time it had
 * const r = await scheduleIlp(g, { timeLimit: 10 });
 * assert.ok(r.peakLive <= scheduleGreedy(g).peakLive);
 * ```
 */
export async function scheduleIlp(
  g: IndexedGraph,
  options: IlpScheduleOptions = {},
): Promise<ScheduleResult> {
  const t0 = performance.now();
  const timeLimit = options.timeLimit ?? 30;
  const remaining = () => timeLimit - (performance.now() - t0) / 1000;
  const greedy = options.start ? undefined : scheduleGreedy(g, {});
  const startOrder = options.start ?? greedy!.order;
  if (!isValidOrder(g, startOrder)) {
    throw new Error("scheduleIlp: the start order is not topological");
  }
  // The cut bound's reachability sets grow with the square of the ops (7 s at
  // 200,000 ops, minutes at a million, under a limit of a second): above
  // CUT_BOUND_MAX_OPS the trivial bound, as the order bound does.
  // Within the limit: a cut bound stopped early is still a bound.
  const own = g.opCount <= CUT_BOUND_MAX_OPS
    ? cutBound(g, { deadline: t0 + timeLimit * 1000 })
    : trivialBound(g);
  const bound = Math.max(options.lowerBound ?? 0, own.bytes);
  const state = new Incumbent(g, startOrder);
  const details: Record<string, unknown> = { startPeak: state.peak, bound };
  const result = (status: PlannerStatus): ScheduleResult => ({
    order: state.order,
    peakLive: state.peak,
    status: state.peak <= bound ? "optimal" : status,
    seconds: (performance.now() - t0) / 1000,
    bound,
    details: { ...details, peakLive: state.peak },
  });
  if (g.opCount === 0 || state.peak <= bound) {
    details.mode = "start met the lower bound";
    return result("optimal");
  }

  const prec = precedence(g);
  // The whole graph's window is a bit matrix of ops × ops (14 s at 200,000
  // ops, and out of memory at a million): counted only where it is small.
  const fullColumns = g.opCount <= FULL_MAX_OPS
    ? columnsOf(windowDag(prec, state.order, stepInverse(state.order), 0, g.opCount))
    : Infinity;
  if (Number.isFinite(fullColumns)) details.fullColumns = fullColumns;
  if (fullColumns <= (options.fullMaxColumns ?? 2500)) {
    details.mode = "full";
    const m = buildScheduleModel(g, { order: state.order, precedence: prec, lowerBound: bound });
    const r = await solveModel(m.model, {
      timeLimit: Math.max(remaining() - KILL_GRACE, 0.05),
      grace: KILL_GRACE,
      mipStart: m.start,
    });
    details.solver = {
      status: r.status,
      objective: r.objective,
      bound: r.bound,
      seconds: r.seconds,
    };
    if (r.values) state.offer(m.decode(r.values));
    if (r.status === "optimal" && state.peak <= r.objective! * m.unit) return result("optimal");
    return result(r.status === "timeout" ? "timeout" : "feasible");
  }

  details.mode = "windows";
  const stats = { solves: 0, improved: 0, provedWindows: 0, unproved: 0 };
  details.windows = stats;
  let k = Math.min(options.window ?? 24, g.opCount);
  const maxWindow = Math.min(options.maxWindow ?? 400, g.opCount);
  const perWindow = options.windowTimeLimit ?? 8;
  const tried = new Set<string>();
  let rotate = 0;
  while (remaining() > 0.5 && state.peak > bound) {
    const a = nextWindow(state, k, tried, rotate++);
    if (a < 0) {
      if (k >= maxWindow) return result("feasible");
      k = Math.min(maxWindow, Math.ceil(k * 1.5));
      continue;
    }
    tried.add(`${a}:${k}`);
    const m = buildScheduleModel(g, { order: state.order, start: a, length: k, precedence: prec });
    const limit = Math.min(perWindow, remaining() - KILL_GRACE);
    if (limit <= 0) break;
    const r = await solveModel(m.model, {
      timeLimit: limit,
      grace: KILL_GRACE,
      mipStart: m.start,
      highsOptions: { mip_max_nodes: options.windowNodeLimit ?? 5000 },
    });
    stats.solves++;
    if (r.values && state.offer(m.decode(r.values))) {
      stats.improved++;
      tried.clear();
    }
    if (r.status === "optimal" && k === g.opCount) {
      // A window over every step is the whole-graph ILP: its optimum is proved.
      details.mode = "windows, then the whole graph";
      return result("optimal");
    }
    if (r.status === "optimal") {
      stats.provedWindows++;
      // Proved within the node limit: the next window may be larger. (Growing
      // on the seconds it took would make the search depend on the machine.)
      k = Math.min(maxWindow, Math.ceil(k * 1.25));
    } else {
      stats.unproved++;
      k = Math.max(8, Math.floor(k / 1.5));
    }
  }
  details.lastWindow = k;
  return result("timeout");
}

/** The best order so far, judged by (peak, number of steps at the peak). */
class Incumbent {
  #g: IndexedGraph;
  order: Schedule;
  live: Float64Array;
  peak = 0;
  atPeak = 0;

  constructor(g: IndexedGraph, order: Schedule) {
    this.#g = g;
    this.order = order;
    this.live = liveTimeline(g, lifetimes(g, order), g.opCount);
    [this.peak, this.atPeak] = peakAndCount(this.live);
  }

  /** Takes `order` when it is valid and lowers the peak, or keeps it with fewer peak steps. */
  offer(order: Schedule): boolean {
    if (!isValidOrder(this.#g, order)) return false;
    const live = liveTimeline(this.#g, lifetimes(this.#g, order), this.#g.opCount);
    const [peak, atPeak] = peakAndCount(live);
    if (peak > this.peak || (peak === this.peak && atPeak >= this.atPeak)) return false;
    this.order = order;
    this.live = live;
    this.peak = peak;
    this.atPeak = atPeak;
    return true;
  }
}

function peakAndCount(live: Float64Array): [number, number] {
  let peak = 0, count = 0;
  for (const x of live) {
    if (x > peak) [peak, count] = [x, 1];
    else if (x === peak) count++;
  }
  return [peak, count];
}

/**
 * Start of a window of length k holding a peak step and not tried since the
 * last improvement, or -1. Peak steps are visited in turn, and each is put at
 * the middle, the first quarter and the last quarter of its window.
 */
function nextWindow(state: Incumbent, k: number, tried: Set<string>, rotate: number): number {
  const n = state.live.length;
  const peaks: number[] = [];
  for (let s = 0; s < n; s++) if (state.live[s] === state.peak) peaks.push(s);
  const offsets = [Math.floor(k / 2), Math.floor(k / 4), Math.floor((3 * k) / 4)];
  for (let q = 0; q < peaks.length * offsets.length; q++) {
    const idx = (rotate + q) % (peaks.length * offsets.length);
    const ps = peaks[idx % peaks.length], off = offsets[Math.floor(idx / peaks.length)];
    const a = Math.max(0, Math.min(n - k, ps - off));
    if (!tried.has(`${a}:${k}`)) return a;
  }
  return -1;
}

function columnsOf(dag: { asap: Int32Array; alap: Int32Array }): number {
  let c = 0;
  for (let i = 0; i < dag.asap.length; i++) c += dag.alap[i] - dag.asap[i];
  return c;
}

function stepInverse(order: Schedule): Int32Array {
  const step = new Int32Array(order.length);
  for (let s = 0; s < order.length; s++) step[order[s]] = s;
  return step;
}

/**
 * The `ilp` scheduler: greedy, then the lifetime ILP (whole graph when small,
 * windows around the peak otherwise) while time remains.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../../graph/indexed_graph.ts";
 * import { threeBranchGraph } from "./_test_graphs.ts";
 * const g = indexGraph(threeBranchGraph()); // 7 ops, least peak 14
 * const { order, peakLive, status } = await ilpScheduler.schedule(g, { timeLimit: Infinity });
 * assert.deepEqual([order.length, peakLive, status], [7, 14, "optimal"]);
 * ```
 */
export const ilpScheduler: Scheduler = {
  name: "ilp",
  description:
    "OLLA's lifetime ILP (HiGHS) from the greedy order: whole graph when small, else windows around the peak",
  schedule: (g, options) => scheduleIlp(g, options),
};
