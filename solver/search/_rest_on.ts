/**
 * How far above the water level a buffer that cannot start there must start
 * at least: it has to rest on some unplaced buffer it conflicts with, so at
 * least the smallest footprint among those.
 *
 * @module
 */
import type { Component } from "./_components.ts";

/**
 * Per buffer, a lower bound on the smallest footprint among the buffers it
 * conflicts with: exact (the smallest of the other buffers covering one of
 * its sections) when that takes at most ~10^7 steps, else the smallest
 * footprint of any other buffer of the part.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { splitComponents } from "./_components.ts";
 * const [part] = splitComponents({ buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 },
 *   { id: "b", lower: 1, upper: 3, size: 2 },
 *   { id: "c", lower: 2, upper: 4, size: 8 },
 * ] });
 * // a buffer that cannot start at the water level x starts at x + this, or higher:
 * // a meets only b (2), c only b (2), b meets a (4) and c (8)
 * assert.deepEqual(restOnBound(part), Float64Array.of(2, 4, 2));
 * ```
 */
export function restOnBound(comp: Component): Float64Array {
  const n = comp.ids.length, fp = comp.footprint;
  const out = new Float64Array(n).fill(Infinity);
  let work = 0;
  for (let b = 0; b < n; b++) work += comp.end[b] - comp.first[b];
  if (work > 1e7) {
    // The smallest and second smallest footprint overall.
    let a = Infinity, ai = -1, c = Infinity;
    for (let b = 0; b < n; b++) {
      if (fp[b] < a) [c, a, ai] = [a, fp[b], b];
      else if (fp[b] < c) c = fp[b];
    }
    for (let b = 0; b < n; b++) out[b] = b === ai ? c : a;
    return out;
  }
  // Smallest and second smallest footprint covering each section, and whose the smallest is.
  const m1 = new Float64Array(comp.sectionCount).fill(Infinity);
  const m2 = new Float64Array(comp.sectionCount).fill(Infinity);
  const who = new Int32Array(comp.sectionCount).fill(-1);
  for (let b = 0; b < n; b++) {
    for (let s = comp.first[b]; s < comp.end[b]; s++) {
      if (fp[b] < m1[s]) {
        m2[s] = m1[s];
        m1[s] = fp[b];
        who[s] = b;
      } else if (fp[b] < m2[s]) m2[s] = fp[b];
    }
  }
  for (let b = 0; b < n; b++) {
    for (let s = comp.first[b]; s < comp.end[b]; s++) {
      const other = who[s] === b ? m2[s] : m1[s];
      if (other < out[b]) out[b] = other;
    }
  }
  return out;
}
