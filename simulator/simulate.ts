/**
 * The discrete-event replay of one training step under a plan: the judge of
 * every plan, ours or anyone's. It shares no code with the planners.
 *
 * At each step the op's outputs are allocated (at step 0, first every tensor
 * without a producer), the op runs, and every tensor whose last step it was is
 * freed. An allocator model answers each allocation: the plan's own offsets
 * (`static`) or an online allocator. Every violation is collected, not just
 * the first.
 *
 * @module
 */
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import { isUnproducedKind } from "../graph/kind_codes.ts";
import { lifetimes, programOrder } from "../graph/lifetimes.ts";
import { forEachOrderViolation } from "../graph/order_check.ts";
import {
  arenaOf,
  fragmentation,
  liveByKindAt,
  liveTimeline,
  peakOf,
  programOrderPeak,
  zeroByKind,
} from "../graph/metrics.ts";
import type { Kind, Lifetimes, Schedule } from "../graph/types.ts";
import type { AllocatorName, OnlineAllocator } from "./allocator.ts";
import { createAllocator } from "./allocators/mod.ts";
import { footprint } from "./footprint.ts";
import { checkOverlaps } from "./overlap_check.ts";
import { outOfScratch, withScratch } from "../graph/scratch.ts";
import { type Violation, type ViolationKind, ViolationLog } from "./violations.ts";

/** Options of {@linkcode simulate}. */
export interface SimulateOptions {
  /** Op indices, position = step; default program order. */
  order?: Schedule;
  /** Offset per tensor index (NaN = none); required by the `static` allocator. */
  offsets?: Float64Array;
  /** Every `offset + size` must stay within it. */
  capacity?: number;
  /** Default `static` when offsets are given, else `best-fit`. A custom model may be passed. */
  allocator?: AllocatorName | OnlineAllocator;
  /** How many violations to list (all are counted); default 100. */
  violationCap?: number;
}

/** What the replay measured and found. */
export interface Report {
  graph: string;
  allocator: string;
  ops: number;
  tensors: number;
  /** False only when the order is not a permutation of the ops: nothing was replayed. */
  replayed: boolean;
  /** No violation of any kind. */
  ok: boolean;
  violationCount: number;
  violationsByKind: Partial<Record<ViolationKind, number>>;
  /** The first `violationCap` violations. */
  violations: Violation[];
  /** `L`: largest total size of resident tensors over the steps. */
  peakLive: number;
  peakStep: number;
  /** The op running at `peakStep`. */
  peakOp: string;
  /** Resident bytes by kind at `peakStep`. */
  peakLiveByKind: Record<Kind, number>;
  /** `H`: largest `offset + size` (static, first-fit, best-fit) or peak reserved bytes (pytorch). */
  arena: number;
  /** `(H - L) / H`. */
  fragmentation: number;
  /** Peak live of the program order, the baseline of every reduction. */
  programOrderPeak: number;
  /** Peak of the bytes handed out after the allocator's rounding (pytorch); else peak live. */
  peakAllocated: number;
  capacity?: number;
  /** Per step: live bytes, and bytes the allocator holds (reserved). */
  timeline: { live: Float64Array; reserved: Float64Array };
  /** The offsets the replay used (the plan's, or the online allocator's). */
  offsets: Float64Array;
  lifetimes: Lifetimes;
}

/**
 * Replays `g` under a plan and reports validity and memory.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { indexGraph } from "../graph/indexed_graph.ts";
 * const g = indexGraph(JSON.parse(await Deno.readTextFile("testdata/graphs/tiny.json")));
 * const r = simulate(g, { allocator: "best-fit" });
 * assert.equal(r.ok, true);
 * assert.equal(r.peakLive, 22);
 * assert.equal(r.arena, 22);
 * ```
 */
export function simulate(g: IndexedGraph, options: SimulateOptions = {}): Report {
  const log = new ViolationLog(options.violationCap ?? 100);
  const order = options.order ?? programOrder(g);
  const allocatorOption = options.allocator ?? (options.offsets ? "static" : "best-fit");
  const allocatorName = typeof allocatorOption === "string" ? allocatorOption : "custom";
  // Without an order the replay's own peak is the program-order peak; and
  // indexGraph already proved program order topological.
  const givenOrder = options.order !== undefined;
  const base = {
    graph: g.name,
    allocator: allocatorName,
    ops: g.opCount,
    tensors: g.tensorCount,
    programOrderPeak: givenOrder ? programOrderPeak(g).bytes : 0,
    ...(options.capacity !== undefined ? { capacity: options.capacity } : {}),
  };
  if (!checkPermutation(g, order, log)) {
    return {
      ...base,
      replayed: false,
      ok: false,
      violationCount: log.count,
      violationsByKind: log.countByKind,
      violations: log.list,
      peakLive: 0,
      peakStep: 0,
      peakOp: "",
      peakLiveByKind: zeroByKind(),
      arena: 0,
      fragmentation: 0,
      peakAllocated: 0,
      timeline: { live: new Float64Array(0), reserved: new Float64Array(0) },
      offsets: new Float64Array(g.tensorCount).fill(NaN),
      lifetimes: { first: new Int32Array(g.tensorCount), last: new Int32Array(g.tensorCount) },
    };
  }
  if (givenOrder) checkTopological(g, order, log);
  const lt = lifetimes(g, order);
  const steps = order.length;
  const live = liveTimeline(g, lt, steps);
  const peak = peakOf(live);
  if (!givenOrder) base.programOrderPeak = peak.bytes;
  let offsets: Float64Array;
  let reserved: Float64Array;
  let peakAllocated = peak.bytes;
  let reservedByAllocator = false;
  if (allocatorOption === "static") {
    if (!options.offsets) throw new TypeError("the static allocator needs offsets");
    offsets = options.offsets;
    checkStaticOffsets(g, offsets, log);
    reserved = footprint({ first: lt.first, last: lt.last, offsets, sizes: g.size, steps });
  } else {
    const allocator = typeof allocatorOption === "string"
      ? createAllocator(allocatorOption, { alignment: g.alignment })
      : allocatorOption;
    const replay = replayOnline(g, order, lt, allocator);
    offsets = replay.offsets;
    reservedByAllocator = replay.reserved !== undefined;
    reserved = replay.reserved ??
      footprint({ first: lt.first, last: lt.last, offsets, sizes: g.size, steps });
    if (replay.allocated) peakAllocated = peakOf(replay.allocated).bytes;
    checkAlignment(g, offsets, log);
  }
  if (options.capacity !== undefined) checkCapacity(g, lt, offsets, options.capacity, log);
  // The sweep's arrays in scratch memory (graph/scratch.ts); offsets that
  // lie there are copied first.
  const checked = outOfScratch(offsets);
  withScratch((mem) =>
    checkOverlaps(
      { first: lt.first, last: lt.last, offsets: checked, sizes: g.size, ids: g.tensorIds, steps },
      log,
      mem,
    )
  );
  // An allocator that reports what it holds (PyTorch's segments) is measured by
  // that; otherwise the arena is the top of the highest allocation.
  const arena = reservedByAllocator ? peakOf(reserved).bytes : arenaOf(offsets, g.size);
  return {
    ...base,
    replayed: true,
    ok: log.count === 0,
    violationCount: log.count,
    violationsByKind: log.countByKind,
    violations: log.list,
    peakLive: peak.bytes,
    peakStep: peak.step,
    peakOp: steps > 0 ? g.opIds[order[peak.step]] : "",
    peakLiveByKind: liveByKindAt(g, lt, peak.step),
    arena,
    fragmentation: fragmentation(arena, peak.bytes),
    peakAllocated,
    timeline: { live, reserved },
    offsets,
    lifetimes: lt,
  };
}

function checkPermutation(g: IndexedGraph, order: Schedule, log: ViolationLog): boolean {
  const seen = new Uint8Array(g.opCount);
  let ok = true;
  for (let s = 0; s < order.length; s++) {
    const v = order[s];
    if (!(v >= 0 && v < g.opCount) || !Number.isInteger(v)) {
      log.add({ kind: "not_permutation", op: String(v), problem: "unknown", position: s });
      ok = false;
    } else if (seen[v]) {
      log.add({ kind: "not_permutation", op: g.opIds[v], problem: "repeated", position: s });
      ok = false;
    } else seen[v] = 1;
  }
  for (let v = 0; v < g.opCount; v++) {
    if (!seen[v]) {
      log.add({ kind: "not_permutation", op: g.opIds[v], problem: "missing" });
      ok = false;
    }
  }
  return ok;
}

function checkTopological(g: IndexedGraph, order: Schedule, log: ViolationLog): void {
  forEachOrderViolation(g, order, (v) => {
    const base = {
      kind: "not_topological" as const,
      step: v.step,
      op: g.opIds[v.op],
      mustFollow: g.opIds[v.mustFollow],
      mustFollowStep: v.mustFollowStep,
    };
    log.add(
      v.tensor !== undefined
        ? { ...base, edge: "data", tensor: g.tensorIds[v.tensor] }
        : { ...base, edge: v.edge },
    );
  });
}

function checkStaticOffsets(g: IndexedGraph, offsets: Float64Array, log: ViolationLog): void {
  for (let t = 0; t < g.tensorCount; t++) {
    if (g.size[t] > 0 && Number.isNaN(offsets[t])) {
      log.add({ kind: "missing_offset", tensor: g.tensorIds[t] });
    }
  }
  checkAlignment(g, offsets, log);
}

function checkAlignment(g: IndexedGraph, offsets: Float64Array, log: ViolationLog): void {
  const a = g.alignment;
  for (let t = 0; t < g.tensorCount; t++) {
    const o = offsets[t];
    if (g.size[t] > 0 && !Number.isNaN(o) && (o < 0 || o % a !== 0 || !Number.isSafeInteger(o))) {
      log.add({ kind: "misaligned", tensor: g.tensorIds[t], offset: o, alignment: a });
    }
  }
}

function checkCapacity(
  g: IndexedGraph,
  lt: Lifetimes,
  offsets: Float64Array,
  capacity: number,
  log: ViolationLog,
): void {
  for (let t = 0; t < g.tensorCount; t++) {
    const o = offsets[t], size = g.size[t];
    if (size > 0 && !Number.isNaN(o) && o + size > capacity) {
      log.add({
        kind: "out_of_capacity",
        step: lt.first[t],
        tensor: g.tensorIds[t],
        range: [o, o + size],
        capacity,
      });
    }
  }
}

/** The event loop proper: allocate at a tensor's first step, free after its last. */
function replayOnline(
  g: IndexedGraph,
  order: Schedule,
  lt: Lifetimes,
  allocator: OnlineAllocator,
): { offsets: Float64Array; reserved?: Float64Array; allocated?: Float64Array } {
  const steps = order.length;
  const offsets = new Float64Array(g.tensorCount).fill(NaN);
  const freeStart = new Int32Array(steps + 1);
  for (let t = 0; t < g.tensorCount; t++) if (g.size[t] > 0) freeStart[lt.last[t] + 1]++;
  for (let s = 0; s < steps; s++) freeStart[s + 1] += freeStart[s];
  const fill = freeStart.slice(0, steps);
  const freeList = new Int32Array(freeStart[steps]);
  for (let t = 0; t < g.tensorCount; t++) if (g.size[t] > 0) freeList[fill[lt.last[t]]++] = t;
  const reserved = allocator.reserved ? new Float64Array(steps) : undefined;
  const allocated = allocator.allocated ? new Float64Array(steps) : undefined;
  const alloc = (t: number) => {
    if (g.size[t] > 0) offsets[t] = allocator.allocate(t, g.size[t]);
  };
  for (let s = 0; s < steps; s++) {
    if (s === 0) {
      for (let t = 0; t < g.tensorCount; t++) if (isUnproducedKind(g.kind[t])) alloc(t);
    }
    const v = order[s];
    for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) alloc(g.outList[k]);
    if (reserved) reserved[s] = allocator.reserved!();
    if (allocated) allocated[s] = allocator.allocated!();
    for (let k = freeStart[s]; k < freeStart[s + 1]; k++) allocator.free(freeList[k]);
  }
  return { offsets, reserved, allocated };
}
