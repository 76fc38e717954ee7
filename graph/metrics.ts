/**
 * The metrics of FORMAT.md §5, implemented here and nowhere else.
 *
 * Byte totals are exact while they stay below 2^53 (8 PiB): sizes are safe
 * integers and every sum here is of sizes.
 *
 * @module
 */
import type { IndexedGraph } from "./indexed_graph.ts";
import { lifetimes, programOrder } from "./lifetimes.ts";
import { type Kind, KINDS, type Lifetimes } from "./types.ts";

/**
 * Total size of resident tensors at every step `0 … steps-1`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "./load.ts";
 * import { lifetimes, programOrder } from "./lifetimes.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const live = liveTimeline(g, lifetimes(g, programOrder(g)), g.opCount);
 * assert.deepEqual(live, Float64Array.from([14, 18, 22, 7]));
 * ```
 */
export function liveTimeline(g: IndexedGraph, lt: Lifetimes, steps: number): Float64Array {
  return sweep(g, lt, steps, 1, () => 0)[0];
}

/**
 * Resident bytes of each kind at every step: entry `k` (a kind code, the
 * index into `KINDS`) is the timeline of that kind; summed over kinds it is
 * {@linkcode liveTimeline}.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { KIND } from "./kind_codes.ts";
 * import { loadGraph } from "./load.ts";
 * import { lifetimes, programOrder } from "./lifetimes.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const byKind = liveTimelineByKind(g, lifetimes(g, programOrder(g)), g.opCount);
 * assert.equal(byKind[KIND.weight][0], 2); // w is resident from step 0
 * ```
 */
export function liveTimelineByKind(g: IndexedGraph, lt: Lifetimes, steps: number): Float64Array[] {
  return sweep(g, lt, steps, KINDS.length, (t) => g.kind[t]);
}

/** One difference array per slot, then prefix sums: O(T + slots·steps). */
function sweep(
  g: IndexedGraph,
  lt: Lifetimes,
  steps: number,
  slots: number,
  slotOf: (t: number) => number,
): Float64Array[] {
  const delta = Array.from({ length: slots }, () => new Float64Array(steps + 1));
  for (let t = 0; t < g.tensorCount; t++) {
    const size = g.size[t];
    if (size === 0) continue;
    const f = lt.first[t], l = Math.min(lt.last[t], steps - 1);
    if (f > l) continue;
    const d = delta[slotOf(t)];
    d[f] += size;
    d[l + 1] -= size;
  }
  return delta.map((d) => {
    const live = new Float64Array(steps);
    let acc = 0;
    for (let s = 0; s < steps; s++) {
      acc += d[s];
      live[s] = acc;
    }
    return live;
  });
}

/** A peak and the first step where it is reached (0 for an empty timeline). */
export interface Peak {
  bytes: number;
  step: number;
}

/**
 * The largest value of a timeline and its first step.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(peakOf(Float64Array.from([3, 9, 9, 1])), { bytes: 9, step: 1 });
 * ```
 */
export function peakOf(timeline: Float64Array): Peak {
  let bytes = 0, step = 0;
  for (let s = 0; s < timeline.length; s++) {
    if (timeline[s] > bytes) {
      bytes = timeline[s];
      step = s;
    }
  }
  return { bytes, step };
}

/**
 * Peak live `L`: the largest total size of resident tensors over the steps.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "./load.ts";
 * import { lifetimes, programOrder } from "./lifetimes.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * assert.equal(peakLive(g, lifetimes(g, programOrder(g))).bytes, 22);
 * ```
 */
export function peakLive(g: IndexedGraph, lt: Lifetimes): Peak {
  return peakOf(liveTimeline(g, lt, g.opCount));
}

/**
 * Program-order peak: peak live under the order of the file, the baseline every
 * reduction is quoted against.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "./load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * assert.deepEqual(programOrderPeak(g), { bytes: 22, step: 2 });
 * ```
 */
export function programOrderPeak(g: IndexedGraph): Peak {
  return peakLive(g, lifetimes(g, programOrder(g)));
}

/**
 * Every kind at 0 bytes.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(zeroByKind().weight, 0);
 * ```
 */
export function zeroByKind(): Record<Kind, number> {
  return Object.fromEntries(KINDS.map((k) => [k, 0])) as Record<Kind, number>;
}

/**
 * Resident bytes by kind at one step (every kind present, zeros included).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "./load.ts";
 * import { lifetimes, programOrder } from "./lifetimes.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * const lt = lifetimes(g, programOrder(g));
 * const peak = peakLive(g, lt);
 * assert.equal(liveByKindAt(g, lt, peak.step).weight, 2);
 * ```
 */
export function liveByKindAt(g: IndexedGraph, lt: Lifetimes, step: number): Record<Kind, number> {
  const out = zeroByKind();
  for (let t = 0; t < g.tensorCount; t++) {
    if (lt.first[t] <= step && step <= lt.last[t]) out[KINDS[g.kind[t]]] += g.size[t];
  }
  return out;
}

/**
 * Arena `H`: the largest `offset + size` over tensors of positive size (a
 * zero-size tensor occupies no memory, wherever its offset points). Offsets
 * that are NaN (absent) are skipped.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(arenaOf(Float64Array.from([0, 8]), Float64Array.from([8, 4])), 12);
 * ```
 */
export function arenaOf(offsets: Float64Array, sizes: Float64Array): number {
  let h = 0;
  for (let t = 0; t < sizes.length; t++) {
    if (sizes[t] > 0 && offsets[t] + sizes[t] > h) h = offsets[t] + sizes[t];
  }
  return h;
}

/**
 * Fragmentation `(H - L) / H`, 0 when `H = 0`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(fragmentation(100, 75), 0.25);
 * ```
 */
export function fragmentation(arena: number, peakLive: number): number {
  return arena === 0 ? 0 : (arena - peakLive) / arena;
}

/**
 * Total bytes of each kind in the graph, resident or not.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "./load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * assert.equal(bytesByKind(g).weight, 2);
 * ```
 */
export function bytesByKind(g: IndexedGraph): Record<Kind, number> {
  const out = zeroByKind();
  for (let t = 0; t < g.tensorCount; t++) out[KINDS[g.kind[t]]] += g.size[t];
  return out;
}
