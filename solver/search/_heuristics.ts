/**
 * The ways to steer the search: which section to branch on and in which order
 * to try its candidates. None changes what the search can find, only how soon.
 *
 * @module
 */
import type { Component } from "./_components.ts";
import { mulberry32 } from "../_prng.ts";

/**
 * Ways to steer the search (which section to branch on, which candidate to
 * try first); each is complete, but how soon they find a placement differs a
 * lot from problem to problem, so a portfolio restarts through them. Largest
 * first leads: on generated tight problems (seeds never reported) it needed
 * the fewest nodes of the five as the first run's order. The `leading` rule
 * comes last: alone it is often slower, but it settles in about a thousand
 * nodes some parts that every other rule leaves unsettled after a million
 * (a cut of 102 buffers over 26 sections from tight seed 5091), and as the
 * sixth heuristic it settled 410 development problems of six families at a
 * cap of 300,000 nodes, against 407 without it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { splitComponents } from "./_components.ts";
 * import { searchComponent } from "./_search_component.ts";
 * const [part] = splitComponents({ buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 },
 *   { id: "b", lower: 1, upper: 3, size: 4 },
 * ] });
 * const r = searchComponent(part, {
 *   capacity: 8, alignment: 1, deadline: Infinity, heuristic: HEURISTICS[2],
 * });
 * assert.equal(r.outcome, "found");
 * ```
 */
export const HEURISTICS: readonly Heuristic[] = [
  { section: "fewest", order: ["size", "width"] },
  { section: "fewest", order: ["width", "size"] },
  { section: "fewest", order: ["pressure", "size"] },
  { section: "tightest", order: ["size", "width"] },
  { section: "fewest", order: ["area", "size"] },
  { section: "leading", order: ["width", "size"] },
];

/** One way to steer the search. */
export interface Heuristic {
  /**
   * `fewest`: branch on the section with the fewest candidates (then the
   * least room); `tightest`: the least room (then the fewest candidates);
   * `leading`: among the sections of the leading candidate (the first, in
   * this order, that can start at the water level), the one with the fewest
   * candidates — a rule that follows the order rather than the tightest spot.
   */
  section: "fewest" | "tightest" | "leading";
  /**
   * Candidates are tried by these keys, each descending: `size`, `width`
   * (sections covered), `pressure` (largest total size of a section covered),
   * `area` (size × width).
   * Among equal lifespans, larger first suits the search's symmetry rule, which
   * keeps the larger of two same-lifespan neighbours below.
   */
  order: readonly ("size" | "width" | "pressure" | "area")[];
  /**
   * When set, the first key of every buffer is scaled by a random factor in
   * [1 - jitter, 1 + jitter) drawn from this seed: a restart with another
   * seed meets its choices in another order.
   */
  seed?: number;
  /** Default 0.5. */
  jitter?: number;
  /**
   * Try the candidates at each node by how well they touch what is around
   * them (_contact.ts) before the order above, which then breaks ties.
   */
  contact?: boolean;
}

/**
 * Buffers in the order a heuristic tries candidates: by its keys, each
 * descending, then by index.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { splitComponents } from "./_components.ts";
 * const [part] = splitComponents({ buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 },
 *   { id: "b", lower: 1, upper: 3, size: 8 },
 * ] });
 * // local buffer indices, largest first
 * assert.deepEqual(candidateOrder(part, ["size", "width"]), Int32Array.of(1, 0));
 * ```
 */
export function candidateOrder(
  comp: Component,
  order: Heuristic["order"],
  options: { seed?: number; jitter?: number } = {},
): Int32Array {
  const n = comp.ids.length;
  const width = new Float64Array(n);
  for (let b = 0; b < n; b++) width[b] = comp.end[b] - comp.first[b];
  // Only the keys asked for: pressure costs a pass over every buffer's sections.
  const key = (k: Heuristic["order"][number]): Float64Array =>
    k === "size"
      ? comp.footprint
      : k === "width"
      ? width
      : k === "area"
      ? Float64Array.from(comp.footprint, (f, b) => f * width[b])
      : pressureOf(comp);
  const ks = order.map(key);
  if (options.seed !== undefined) {
    const random = mulberry32(options.seed), jitter = options.jitter ?? 0.5;
    ks[0] = ks[0].map((v) => v * (1 + jitter * (2 * random() - 1)));
  }
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  if (ks.length === 2) {
    const [k0, k1] = ks;
    return out.sort((a, b) => k0[b] - k0[a] || k1[b] - k1[a] || a - b);
  }
  return out.sort((a, b) => {
    for (const k of ks) if (k[a] !== k[b]) return k[b] - k[a];
    return a - b;
  });
}

/** Per buffer, the largest total footprint of a section it covers. */
function pressureOf(comp: Component): Float64Array {
  const n = comp.ids.length;
  const total = new Float64Array(comp.sectionCount);
  for (let b = 0; b < n; b++) {
    for (let s = comp.first[b]; s < comp.end[b]; s++) total[s] += comp.footprint[b];
  }
  const pressure = new Float64Array(n);
  for (let b = 0; b < n; b++) {
    for (let s = comp.first[b]; s < comp.end[b]; s++) pressure[b] = Math.max(pressure[b], total[s]);
  }
  return pressure;
}

/**
 * The heuristics of {@linkcode HEURISTICS} that steer the search on this part
 * differently, found as they are asked for: the `i`-th computes the orders of
 * the heuristics up to it only. One whose candidate order and section rule
 * both match an earlier one's would repeat its run node for node. The
 * `fewest` and `tightest` rules agree when every section holds exactly
 * `capacity` (rounded to the alignment): then no node with room left
 * survives the room check, so "least room" ties everywhere and "fewest"
 * decides both. The `leading` rule is one of its own.
 *
 * Why lazily: a part settled by its second or third run used to sort all
 * eight orders (and build a key string of each) first, about a tenth of such
 * a call on 200–400 buffers.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { splitComponents } from "./_components.ts";
 * const [part] = splitComponents({ buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 },
 *   { id: "b", lower: 0, upper: 2, size: 4 },
 * ] });
 * // every key orders a and b alike; at capacity 8 the one section is full:
 * // one run of the fewest rule and one of the leading rule
 * const full = new DistinctHeuristics(part, { capacity: 8, alignment: 1 });
 * assert.equal(full.at(0), HEURISTICS[0]);
 * assert.equal(full.length, 2);
 * assert.equal(full.at(2), undefined);
 * // with room to spare "least room" is a rule of its own
 * assert.equal(new DistinctHeuristics(part, { capacity: 9, alignment: 1 }).length, 3);
 * ```
 */
export class DistinctHeuristics {
  #comp: Component;
  #capFp: number;
  #full: boolean | undefined;
  #next = 0; // the next of HEURISTICS to look at
  #seen = new Set<string>();
  #found: Heuristic[] = [];

  constructor(comp: Component, options: { capacity: number; alignment: number }) {
    this.#comp = comp;
    this.#capFp = Math.ceil(options.capacity / options.alignment) * options.alignment;
  }

  /** The `i`-th distinct heuristic, undefined past the last. */
  at(i: number): Heuristic | undefined {
    while (this.#found.length <= i && this.#next < HEURISTICS.length) this.#look();
    return this.#found[i];
  }

  /** How many there are (finds them all). */
  get length(): number {
    while (this.#next < HEURISTICS.length) this.#look();
    return this.#found.length;
  }

  /** Looks at the next heuristic: kept unless its order and rule repeat a kept one's. */
  #look(): void {
    const h = HEURISTICS[this.#next++];
    const rule = this.#isFull() && h.section === "tightest" ? "fewest" : h.section;
    const key = `${rule}:${heuristicOrder(this.#comp, h).join()}`;
    if (this.#seen.has(key)) return;
    this.#seen.add(key);
    this.#found.push(h);
  }

  /** Whether every section is exactly full (then "tightest" picks as "fewest" does). */
  #isFull(): boolean {
    if (this.#full === undefined) {
      const comp = this.#comp;
      const total = new Float64Array(comp.sectionCount);
      for (let b = 0; b < comp.ids.length; b++) {
        for (let s = comp.first[b]; s < comp.end[b]; s++) total[s] += comp.footprint[b];
      }
      this.#full = total.every((t) => t === this.#capFp);
    }
    return this.#full;
  }
}

const orders = new WeakMap<Component, Map<string, Int32Array>>();

/**
 * {@linkcode candidateOrder} for a heuristic (its keys, seed and jitter),
 * computed once per part: every run and restart on the part shares it.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { splitComponents } from "./_components.ts";
 * const [part] = splitComponents({ buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 },
 *   { id: "b", lower: 1, upper: 3, size: 8 },
 * ] });
 * assert.equal(heuristicOrder(part, HEURISTICS[1]), heuristicOrder(part, HEURISTICS[1]));
 * assert.deepEqual(heuristicOrder(part, HEURISTICS[1]), Int32Array.of(1, 0));
 * ```
 */
export function heuristicOrder(comp: Component, h: Heuristic): Int32Array {
  let m = orders.get(comp);
  if (m === undefined) orders.set(comp, m = new Map());
  const key = `${h.order.join()}:${h.seed}:${h.jitter}`;
  let order = m.get(key);
  if (order === undefined) m.set(key, order = candidateOrder(comp, h.order, h));
  return order;
}

/** Base orders of {@linkcode jitteredHeuristic}, taken in turn. */
const JITTER_BASES: readonly Heuristic["order"][] = [
  ["size", "width"],
  ["area", "size"],
  ["width", "size"],
];

/**
 * The `k`-th randomised heuristic: a base order (in turn size, area, width
 * first) whose first key is jittered by ±10% or ±30% (alternately), seeded by
 * `k`, with candidates tried by contact first. Restarts draw fresh ones, so
 * that a heavy-tailed search is not retried in the same few orders only.
 * Contact first solved 3 more of 152 hard or fresh tight problems (node cap
 * 300,000: development and held-out seeds over 3,000 nodes, and 5301-5400)
 * and none fewer; in the fixed runs it lost as many as it won.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(jitteredHeuristic(0), {
 *   section: "fewest", order: ["size", "width"], seed: 1, jitter: 0.1, contact: true,
 * });
 * ```
 */
export function jitteredHeuristic(k: number): Heuristic {
  return {
    section: "fewest",
    order: JITTER_BASES[k % JITTER_BASES.length],
    seed: k + 1,
    jitter: k % 2 === 0 ? 0.1 : 0.3,
    contact: true,
  };
}
