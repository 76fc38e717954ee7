/**
 * One run on a training graph: a baseline (program order under an online
 * allocator model) or a plan through the pipeline (scheduler, placer, replay),
 * which alone says what the run achieved and whether it is valid.
 *
 * @module
 */
import { type OrderBound, orderLowerBound } from "../graph/bounds/order_bound.ts";
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import type { TimedSchedule } from "../pipeline/plan_graph.ts";
import { planVerified } from "../pipeline/plan_verified.ts";
import type { AllocatorName } from "../simulator/allocator.ts";
import { type Report, simulate } from "../simulator/simulate.ts";
import type { BenchTask, PlannerTables } from "./matrix.ts";
import { measure } from "./measure.ts";
import { type BenchRow, type RowMeasures, taskRow } from "./record.ts";

/** Default seconds of a graph's lower bound in a benchmark. */
export const BENCH_BOUND_SECONDS = 10;

/** What every run on one graph shares: the graph, its lower bound, schedules already made. */
export interface GraphContext {
  g: IndexedGraph;
  tables: PlannerTables;
  bound: OrderBound;
  /** Schedules by scheduler and options: a sweep places one order with several placers. */
  schedules: Map<string, Promise<TimedSchedule>>;
}

/**
 * The context of a graph: computes its lower bound (the bound policy of
 * graph/bounds/order_bound.ts) within `boundTimeLimit` seconds.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * import { PLACERS, SCHEDULERS } from "../solver/registry.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const ctx = graphContext(g, { tables: { schedulers: SCHEDULERS, placers: PLACERS } });
 * assert.equal(ctx.bound.bytes, 22);
 * ```
 */
export function graphContext(
  g: IndexedGraph,
  options: { tables: PlannerTables; boundTimeLimit?: number },
): GraphContext {
  const bound = orderLowerBound(g, { timeLimit: options.boundTimeLimit ?? BENCH_BOUND_SECONDS });
  return { g, tables: options.tables, bound, schedules: new Map() };
}

/**
 * Runs one graph task and returns its row. A planner that throws gives a row
 * with status `error`, not an exception: one broken planner must not stop a sweep.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../graph/load.ts";
 * import { PLACERS, SCHEDULERS } from "../solver/registry.ts";
 * import { benchTasks } from "./matrix.ts";
 * const input = { id: "tiny", suite: "paths", kind: "graph" as const, name: "tiny", path: "testdata/graphs/tiny.json" };
 * const g = await loadGraph(input.path);
 * const ctx = graphContext(g, { tables: { schedulers: SCHEDULERS, placers: PLACERS } });
 * const [task] = benchTasks(input, { schedulers: ["greedy"], placers: ["first-fit"], timeLimit: 5, seed: 1 })
 *   .filter((t) => t.placer !== undefined);
 * const row = await runGraphTask(ctx, task);
 * assert.equal(row.verified, true); // the simulator's verdict
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
  const { tables } = ctx;
  const timeLimit = task.options.timeLimit ?? 60;
  const scheduler = tables.schedulers[task.scheduler!];
  const placer = tables.placers[task.placer!];
  if (!scheduler) throw new Error(`unknown scheduler ${JSON.stringify(task.scheduler)}`);
  if (!placer) throw new Error(`unknown placer ${JSON.stringify(task.placer)}`);
  const run = await measure(() =>
    planVerified(ctx.g, {
      scheduler,
      placer,
      timeLimit,
      seed: task.options.seed,
      schedules: ctx.schedules,
      bound: ctx.bound,
    })
  );
  const r = run.value;
  return {
    status: r.status,
    scheduleStatus: r.schedule.status,
    placeStatus: r.placement.status,
    ...judged(ctx, r.report),
    seconds: r.seconds,
    scheduleSeconds: r.scheduleSeconds,
    placeSeconds: r.placeSeconds,
    verifySeconds: r.verifySeconds,
    overTimeLimit: r.seconds > timeLimit + 1,
    peakRssMiB: run.peakRssMiB,
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
