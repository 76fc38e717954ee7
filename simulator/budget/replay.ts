/**
 * The judge of `memplan.plan/v2` plans: replays events one by one and proves
 * the plan keeps the step's results (every op run, only re-runnable ops run
 * again, `after` edges held by every run, inputs resident, fetches current,
 * persistent tensors resident at the end) and its memory valid (no two
 * residencies share a byte while both are resident, all within the budget).
 * It measures peak, arena, fragmentation, recomputed cost and transfers. It
 * shares no code with the planners (solver/): only graph/'s rules.
 *
 * @module
 */
import { type CostSource, opCosts } from "../../graph/budget/op_cost.ts";
import { EVENT, type Events, type Residencies, residentBytes } from "../../graph/budget/events.ts";
import { inPlaceUpdates, recomputableOps } from "../../graph/budget/recompute_rules.ts";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { isPersistentKind, KIND } from "../../graph/kind_codes.ts";
import { arenaOf, fragmentation } from "../../graph/metrics.ts";
import { createAllocator } from "../allocators/mod.ts";
import { checkOverlaps } from "../overlap_check.ts";
import { ViolationLog } from "../violations.ts";
import {
  type BudgetViolation,
  type BudgetViolationKind,
  BudgetViolationLog,
} from "./violations.ts";

/** Options of {@linkcode replayBudgetPlan}. */
export interface ReplayOptions {
  /** Offset per residency; absent: a best-fit online allocator places them. */
  offsets?: Float64Array;
  /** The budget: every `offset + size` must stay within it. */
  capacity?: number;
  /** Host-device bytes per second; transfer time is reported when given. */
  bandwidth?: number;
  /** How many violations to list (all are counted); default 100. */
  violationCap?: number;
  /** Names the graph file in a bad-cost message. */
  file?: string;
}

/** What the replay of a v2 plan measured and found. */
export interface BudgetReport {
  graph: string;
  events: number;
  residencies: number;
  ok: boolean;
  violationCount: number;
  violationsByKind: Partial<Record<BudgetViolationKind, number>>;
  violations: BudgetViolation[];
  /** Largest total size of residencies covering one event. */
  peakLive: number;
  peakStep: number;
  /** Largest `offset + size` over residencies. */
  arena: number;
  fragmentation: number;
  capacity?: number;
  /** Sum of every op's cost once: the step without recomputation. */
  stepCost: number;
  /** Cost of the runs beyond each op's first. */
  recomputedCost: number;
  /** `recomputedCost / stepCost` (0 when the step costs nothing). */
  recomputedFraction: number;
  /** Runs beyond each op's first. */
  recomputedRuns: number;
  costSource: CostSource;
  offloadedBytes: number;
  fetchedBytes: number;
  /** `(offloaded + fetched) / bandwidth`; absent without a bandwidth. */
  transferSeconds?: number;
  bandwidth?: number;
  /** The offsets the replay used, per residency. */
  offsets: Float64Array;
}

/**
 * Replays a v2 plan (events and the residencies the rule derives from them).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { parseBudgetPlan, resolveBudgetPlan } from "../../graph/budget/budget_plan.ts";
 * const g = trainingChain(2);
 * const order = ["f1", "f2", "loss", "b2", "f1", "b1", "u1", "u2"]; // f1 recomputed
 * const rp = resolveBudgetPlan(g, parseBudgetPlan({ format: "memplan.plan/v2", order }, "p"));
 * const r = replayBudgetPlan(g, rp.events, rp.residencies);
 * assert.equal(r.ok, true);
 * assert.equal(r.recomputedRuns, 1);
 * ```
 */
export function replayBudgetPlan(
  g: IndexedGraph,
  events: Events,
  res: Residencies,
  options: ReplayOptions = {},
): BudgetReport {
  const log = new BudgetViolationLog(options.violationCap ?? 100);
  const m = events.kind.length;
  const costs = opCosts(g, { file: options.file });
  const transfers = checkSemantics(g, events, log);
  let stepCost = 0, runCost = 0, firstRunCost = 0, runs = 0;
  const ran = new Uint8Array(g.opCount);
  for (let v = 0; v < g.opCount; v++) stepCost += costs.cost[v];
  for (let e = 0; e < m; e++) {
    if (events.kind[e] !== EVENT.run) continue;
    const v = events.target[e];
    runCost += costs.cost[v];
    runs++;
    if (!ran[v]) {
      ran[v] = 1;
      firstRunCost += costs.cost[v];
    }
  }
  let distinct = 0;
  for (let v = 0; v < g.opCount; v++) distinct += ran[v];
  const recomputedCost = runCost - firstRunCost;
  const live = residentBytes(g, res, m);
  let peakLive = 0, peakStep = 0;
  for (let e = 0; e < m; e++) {
    if (live[e] > peakLive) {
      peakLive = live[e];
      peakStep = e;
    }
  }
  const sizes = new Float64Array(res.count);
  const ids: string[] = new Array(res.count);
  for (let r = 0; r < res.count; r++) {
    sizes[r] = g.size[res.tensor[r]];
    ids[r] = `${g.tensorIds[res.tensor[r]]}#${res.ordinal[r]}`;
  }
  const offsets = options.offsets ?? placeOnline(g, res, sizes, m);
  checkOffsets(g, offsets, sizes, ids, res, options.capacity, log);
  const v1log = new ViolationLog(log.cap);
  checkOverlaps(
    { first: res.first, last: res.last, offsets, sizes, ids, steps: Math.max(m, 1) },
    v1log,
  );
  for (const [kind, n] of Object.entries(v1log.countByKind)) {
    log.tally(kind as BudgetViolationKind, n);
  }
  // checkOverlaps logs only overlaps.
  for (const v of v1log.list) log.keep(v as BudgetViolation);
  const arena = arenaOf(offsets, sizes);
  return {
    graph: g.name,
    events: m,
    residencies: res.count,
    ok: log.count === 0,
    violationCount: log.count,
    violationsByKind: log.countByKind,
    violations: log.list,
    peakLive,
    peakStep,
    arena,
    fragmentation: fragmentation(arena, peakLive),
    ...(options.capacity !== undefined ? { capacity: options.capacity } : {}),
    stepCost,
    recomputedCost,
    recomputedFraction: stepCost > 0 ? recomputedCost / stepCost : 0,
    recomputedRuns: runs - distinct,
    costSource: costs.source,
    offloadedBytes: transfers.offloaded,
    fetchedBytes: transfers.fetched,
    ...(options.bandwidth !== undefined
      ? {
        bandwidth: options.bandwidth,
        transferSeconds: (transfers.offloaded + transfers.fetched) / options.bandwidth,
      }
      : {}),
    offsets,
  };
}

/** The event walk: what must hold for the step's results to be the same. */
function checkSemantics(
  g: IndexedGraph,
  events: Events,
  log: BudgetViolationLog,
): { offloaded: number; fetched: number } {
  const m = events.kind.length;
  const rerunOk = recomputableOps(g);
  const updates = inPlaceUpdates(g);
  const firstRun = new Int32Array(g.opCount).fill(-1);
  const lastRun = new Int32Array(g.opCount).fill(-1);
  // resident[t]: a device copy is open; host[t]: 0 none, 1 current, 2 stale.
  const resident = new Uint8Array(g.tensorCount);
  const host = new Uint8Array(g.tensorCount);
  for (let t = 0; t < g.tensorCount; t++) {
    const k = g.kind[t];
    if (k === KIND.input || isPersistentKind(k)) resident[t] = 1;
  }
  let offloaded = 0, fetched = 0;
  for (let e = 0; e < m; e++) {
    const x = events.target[e];
    if (events.kind[e] === EVENT.offload) {
      if (!resident[x]) log.add({ kind: "not_resident", step: e, tensor: g.tensorIds[x] });
      resident[x] = 0;
      host[x] = 1;
      offloaded += g.size[x];
      continue;
    }
    if (events.kind[e] === EVENT.fetch) {
      if (host[x] !== 1) {
        log.add({
          kind: "stale_fetch",
          step: e,
          tensor: g.tensorIds[x],
          problem: host[x] === 0 ? "never offloaded" : "updated in place since its offload",
        });
      }
      resident[x] = 1;
      fetched += g.size[x];
      continue;
    }
    if (firstRun[x] < 0) firstRun[x] = e;
    else if (!rerunOk[x]) {
      log.add({ kind: "forbidden_rerun", step: e, op: g.opIds[x], firstStep: firstRun[x] });
    }
    lastRun[x] = e;
    for (let k = g.inStart[x]; k < g.inStart[x + 1]; k++) {
      const t = g.inList[k];
      if (!resident[t]) {
        log.add({ kind: "not_resident", step: e, op: g.opIds[x], tensor: g.tensorIds[t] });
      }
    }
    for (let k = updates.start[x]; k < updates.start[x + 1]; k++) {
      if (host[updates.list[k]] === 1) host[updates.list[k]] = 2;
    }
    for (let k = g.outStart[x]; k < g.outStart[x + 1]; k++) resident[g.outList[k]] = 1;
  }
  for (let v = 0; v < g.opCount; v++) {
    if (firstRun[v] < 0) {
      log.add({ kind: "not_run", op: g.opIds[v] });
      continue;
    }
    for (let k = g.afterStart[v]; k < g.afterStart[v + 1]; k++) {
      const u = g.afterList[k];
      if (lastRun[u] > firstRun[v]) {
        log.add({
          kind: "after_order",
          step: lastRun[u],
          op: g.opIds[u],
          mustPrecede: g.opIds[v],
          mustPrecedeStep: firstRun[v],
        });
      }
    }
  }
  for (let t = 0; t < g.tensorCount; t++) {
    const k = g.kind[t];
    if ((isPersistentKind(k) || k === KIND.output) && !resident[t] && m > 0) {
      log.add({ kind: "not_resident_at_end", tensor: g.tensorIds[t] });
    }
  }
  return { offloaded, fetched };
}

function checkOffsets(
  g: IndexedGraph,
  offsets: Float64Array,
  sizes: Float64Array,
  ids: string[],
  res: Residencies,
  capacity: number | undefined,
  log: BudgetViolationLog,
): void {
  for (let r = 0; r < res.count; r++) {
    const o = offsets[r], size = sizes[r];
    if (size === 0) continue;
    if (Number.isNaN(o)) {
      log.add({ kind: "missing_offset", tensor: ids[r] });
      continue;
    }
    if (o < 0 || !Number.isSafeInteger(o) || o % g.alignment !== 0) {
      log.add({ kind: "misaligned", tensor: ids[r], offset: o, alignment: g.alignment });
    }
    if (capacity !== undefined && o + size > capacity) {
      log.add({
        kind: "out_of_capacity",
        step: res.first[r],
        tensor: ids[r],
        range: [o, o + size],
        capacity,
      });
    }
  }
}

/** Offsets from a best-fit allocator that sees residencies start and end in event order. */
function placeOnline(
  g: IndexedGraph,
  res: Residencies,
  sizes: Float64Array,
  m: number,
): Float64Array {
  const allocator = createAllocator("best-fit", { alignment: g.alignment });
  const offsets = new Float64Array(res.count).fill(NaN);
  const startsAt: number[][] = Array.from({ length: m }, () => []);
  const endsAt: number[][] = Array.from({ length: m }, () => []);
  for (let r = 0; r < res.count; r++) {
    if (sizes[r] === 0) continue;
    startsAt[res.first[r]].push(r);
    endsAt[res.last[r]].push(r);
  }
  for (let e = 0; e < m; e++) {
    for (const r of startsAt[e]) offsets[r] = allocator.allocate(r, sizes[r]);
    for (const r of endsAt[e]) allocator.free(r);
  }
  return offsets;
}
