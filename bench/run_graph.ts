/**
 * One run on a training graph: a baseline (program order under an online
 * allocator model) or a plan (scheduler, then placer), always replayed by the
 * simulator, which alone says what the run achieved and whether it is valid.
 *
 * @module
 */
import { CUT_BOUND_MAX_OPS } from "../solver/schedulers/order_bound.ts";
import { type BoundKind, lowerBounds } from "../graph/bounds/mod.ts";
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import { lifetimes } from "../graph/lifetimes.ts";
import { placementProblem } from "../graph/placement_problem.ts";
import type { AllocatorName } from "../simulator/allocator.ts";
import { type Report, simulate } from "../simulator/simulate.ts";
import type { ScheduleResult } from "../solver/types.ts";
import type { BenchTask, PlannerTables } from "./matrix.ts";
import { measure, type Measured } from "./measure.ts";
import { type BenchRow, combineStatus, type RowMeasures, taskRow } from "./record.ts";

/** What every run on one graph shares: the graph, its lower bound, schedules already made. */
export interface GraphContext {
  g: IndexedGraph;
  tables: PlannerTables;
  bound: { bytes: number; kind: BoundKind; seconds: number };
  /** Schedules by scheduler and options: a sweep places one order with several placers. */
  schedules: Map<string, Promise<Measured<ScheduleResult>>>;
}

/**
 * The context of a graph: computes its lower bound (trivial, cut and min-cut
 * up to {@linkcode CUT_BOUND_MAX_OPS} ops, only trivial above) within
 * `boundTimeLimit` seconds.
 *
 * @example
 * ```ts
 * const ctx = graphContext(g, { tables: { schedulers: SCHEDULERS, placers: PLACERS } });
 * ctx.bound.bytes;
 * ```
 */
export function graphContext(
  g: IndexedGraph,
  options: { tables: PlannerTables; boundTimeLimit?: number },
): GraphContext {
  const kinds: BoundKind[] = g.opCount <= CUT_BOUND_MAX_OPS
    ? ["trivial", "cut", "mincut"]
    : ["trivial"];
  const lb = lowerBounds(g, { kinds, timeLimit: options.boundTimeLimit ?? 10 });
  return {
    g,
    tables: options.tables,
    bound: { bytes: lb.best, kind: lb.bestKind, seconds: lb.seconds },
    schedules: new Map(),
  };
}

/**
 * Runs one graph task and returns its row. A planner that throws gives a row
 * with status `error`, not an exception: one broken planner must not stop a sweep.
 *
 * @example
 * ```ts
 * const row = await runGraphTask(ctx, task);
 * row.verified; // the simulator's verdict
 * ```
 */
export async function runGraphTask(ctx: GraphContext, task: BenchTask): Promise<BenchRow> {
  const base = { size: ctx.g.tensorCount, ops: ctx.g.opCount };
  try {
    const measures = task.placer === undefined
      ? await runBaseline(ctx, task.allocator as AllocatorName)
      : await runPlan(ctx, task);
    return taskRow(task, { ...base, ...measures });
  } catch (e) {
    return taskRow(task, {
      ...base,
      status: "error",
      seconds: 0,
      peakRssMiB: 0,
      verified: false,
      error: (e as Error)?.message ?? String(e),
    });
  }
}

/** A row's measures less the graph's own size, which the caller adds. */
type RunMeasures = Omit<RowMeasures, "size" | "ops">;

async function runBaseline(ctx: GraphContext, allocator: AllocatorName): Promise<RunMeasures> {
  const run = await measure(() => simulate(ctx.g, { allocator }));
  return {
    status: "baseline",
    ...judged(ctx, run.value),
    seconds: run.seconds,
    verifySeconds: run.seconds,
    peakRssMiB: run.peakRssMiB,
  };
}

async function runPlan(ctx: GraphContext, task: BenchTask): Promise<RunMeasures> {
  const { g, tables } = ctx;
  const timeLimit = task.options.timeLimit ?? 60;
  const seed = task.options.seed;
  const scheduler = tables.schedulers[task.scheduler!];
  const placer = tables.placers[task.placer!];
  if (!scheduler) throw new Error(`unknown scheduler ${JSON.stringify(task.scheduler)}`);
  if (!placer) throw new Error(`unknown placer ${JSON.stringify(task.placer)}`);
  // Half the budget to the scheduler and the rest to the placer, as `memplan plan` does.
  const cacheKey = `${scheduler.name}|${timeLimit}|${seed}`;
  let scheduled = ctx.schedules.get(cacheKey);
  if (!scheduled) {
    scheduled = measure(() => scheduler.schedule(g, { timeLimit: timeLimit / 2, seed }));
    ctx.schedules.set(cacheKey, scheduled);
  }
  const sched = await scheduled;
  const order = sched.value.order;
  const problem = placementProblem(g, lifetimes(g, order));
  const left = Math.max(timeLimit - sched.seconds, 1);
  const placed = await measure(() => placer.place(problem, { timeLimit: left, seed }));
  const verify = await measure(() =>
    simulate(g, { order, offsets: placed.value.offsets, allocator: "static" })
  );
  const seconds = sched.seconds + placed.seconds;
  return {
    status: combineStatus(sched.value.status, placed.value.status),
    scheduleStatus: sched.value.status,
    placeStatus: placed.value.status,
    ...judged(ctx, verify.value),
    seconds,
    scheduleSeconds: sched.seconds,
    placeSeconds: placed.seconds,
    verifySeconds: verify.seconds,
    overTimeLimit: seconds > timeLimit + 1,
    peakRssMiB: Math.max(sched.peakRssMiB, placed.peakRssMiB, verify.peakRssMiB),
  };
}

/** The memory measures and the verdict of a replay. */
function judged(ctx: GraphContext, r: Report) {
  const po = r.programOrderPeak, lb = ctx.bound.bytes;
  return {
    programOrderPeak: po,
    peakLive: r.peakLive,
    arena: r.arena,
    fragmentation: r.fragmentation,
    reductionArena: po ? 1 - r.arena / po : 0,
    reductionPeakLive: po ? 1 - r.peakLive / po : 0,
    lowerBound: lb,
    lowerBoundKind: ctx.bound.kind,
    gap: r.arena ? (r.arena - lb) / r.arena : 0,
    verified: r.ok,
    violationCount: r.violationCount,
    ...(r.violations.length ? { violation: r.violations[0] } : {}),
  };
}
