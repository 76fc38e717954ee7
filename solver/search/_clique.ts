/**
 * Parts whose buffers are all live at one common time (every lifespan covers
 * one section): any placement stacks them, so no search is needed. Half the
 * parts of a generated `tight` problem are such, mostly of one to four
 * buffers, and a search run costs more to set up than this costs in all.
 *
 * @module
 */
import type { Component } from "./_components.ts";

/**
 * Whether every buffer of the part covers one common section (lifespans are
 * intervals: pairwise overlapping is then the same as all overlapping).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { splitComponents } from "./_components.ts";
 * const [part] = splitComponents({ buffers: [
 *   { id: "a", lower: 0, upper: 3, size: 4 },
 *   { id: "b", lower: 2, upper: 5, size: 4 },
 * ] });
 * assert.ok(isClique(part));
 * ```
 */
export function isClique(comp: Component): boolean {
  let maxFirst = 0, minEnd = Infinity;
  for (let b = 0; b < comp.ids.length; b++) {
    if (comp.first[b] > maxFirst) maxFirst = comp.first[b];
    if (comp.end[b] < minEnd) minEnd = comp.end[b];
  }
  return maxFirst < minEnd;
}

/**
 * The lowest stack of a clique part: the buffers one on another at aligned
 * offsets (footprints), the one that gains most from not being rounded up
 * (footprint minus size) on top. Every placement of a clique is a stack and
 * every stack's top is at least this one's, so undefined (it exceeds
 * `capacity`) proves that the part does not fit.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { splitComponents } from "./_components.ts";
 * const [part] = splitComponents({ alignment: 4, buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 },
 *   { id: "b", lower: 1, upper: 3, size: 1 },
 * ] });
 * assert.deepEqual(stackClique(part, 5), Float64Array.of(0, 4)); // b on top: 4 + 1
 * assert.equal(stackClique(part, 4), undefined);
 * ```
 */
export function stackClique(comp: Component, capacity: number): Float64Array | undefined {
  const n = comp.ids.length, fp = comp.footprint, size = comp.size;
  let top = -1, total = 0;
  for (let b = 0; b < n; b++) {
    total += fp[b];
    if (top < 0 || fp[b] - size[b] > fp[top] - size[top]) top = b;
  }
  if (n === 0) return new Float64Array(0);
  if (total - fp[top] + size[top] > capacity) return undefined;
  const offsets = new Float64Array(n);
  let y = 0;
  for (let b = 0; b < n; b++) {
    if (b === top) continue;
    offsets[b] = y;
    y += fp[b];
  }
  offsets[top] = y;
  return offsets;
}
