/**
 * The ways to steer the search: which section to branch on and in which order
 * to try its candidates. None changes what the search can find, only how soon.
 *
 * @module
 */
import type { Component } from "./_components.ts";

/**
 * Ways to steer the search (which section to branch on, which candidate to
 * try first); each is complete, but how soon they find a placement differs a
 * lot from problem to problem, so a portfolio restarts through them.
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
  { section: "fewest", order: ["width", "size"] },
  { section: "fewest", order: ["size", "width"] },
  { section: "fewest", order: ["pressure", "size"] },
  { section: "tightest", order: ["size", "width"] },
  { section: "fewest", order: ["area", "size"] },
];

/** One way to steer the search. */
export interface Heuristic {
  /**
   * `fewest`: branch on the section with the fewest candidates (then the
   * least room); `tightest`: the least room (then the fewest candidates).
   */
  section: "fewest" | "tightest";
  /**
   * Candidates are tried by these keys, each descending: `size`, `width`
   * (sections covered), `pressure` (largest total size of a section covered),
   * `area` (size × width).
   * Among equal lifespans, larger first suits the search's symmetry rule, which
   * keeps the larger of two same-lifespan neighbours below.
   */
  order: readonly ("size" | "width" | "pressure" | "area")[];
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
export function candidateOrder(comp: Component, order: Heuristic["order"]): Int32Array {
  const n = comp.ids.length;
  const total = new Float64Array(comp.sectionCount);
  for (let b = 0; b < n; b++) {
    for (let s = comp.first[b]; s < comp.end[b]; s++) total[s] += comp.footprint[b];
  }
  const pressure = new Float64Array(n), width = new Float64Array(n);
  for (let b = 0; b < n; b++) {
    for (let s = comp.first[b]; s < comp.end[b]; s++) pressure[b] = Math.max(pressure[b], total[s]);
    width[b] = comp.end[b] - comp.first[b];
  }
  const area = Float64Array.from(comp.footprint, (f, b) => f * width[b]);
  const keys = { size: comp.footprint, width, pressure, area };
  const ks = order.map((k) => keys[k]);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) out[i] = i;
  return out.sort((a, b) => {
    for (const k of ks) if (k[a] !== k[b]) return k[b] - k[a];
    return a - b;
  });
}
