/**
 * The search's view of a buffer problem: time compressed to sections, and the
 * problem cut into independent parts wherever no buffer crosses a time point.
 *
 * A section is a maximal time range over which the set of live buffers does
 * not change; a buffer covers a contiguous run of sections. Two buffers
 * conflict exactly when their runs share a section. Parts separated by a cut
 * share no section, so each can be placed on its own under the same capacity.
 *
 * Sizes become footprints (rounded up to the alignment): with aligned offsets a
 * buffer fits below another exactly when its footprint does, so the search
 * reasons in footprints and checks the real size only against the capacity.
 *
 * @module
 */
import { countBelow, distinctSorted } from "../_sorted.ts";
import type { PlacementProblem } from "../../graph/types.ts";

/** One independent part, with dense local buffer and section indices. */
export interface Component {
  /** Index in `problem.buffers` of each local buffer. */
  ids: Int32Array;
  size: Float64Array;
  /** Size rounded up to the alignment. */
  footprint: Float64Array;
  /** First section covered. */
  first: Int32Array;
  /** One past the last section covered. */
  end: Int32Array;
  sectionCount: number;
}

/**
 * The independent parts of a problem's positive-size buffers, in time order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const parts = splitComponents({ buffers: [
 *   { id: "a", lower: 0, upper: 2, size: 4 },
 *   { id: "b", lower: 1, upper: 3, size: 4 },
 *   { id: "c", lower: 3, upper: 5, size: 4 },
 * ] });
 * assert.equal(parts.length, 2); // {a, b} and {c}
 * ```
 */
export function splitComponents(problem: PlacementProblem): Component[] {
  const align = problem.alignment ?? 1;
  if (!(Number.isSafeInteger(align) && align >= 1)) {
    throw new Error(`alignment must be a positive integer, got ${align}`);
  }
  const bs = problem.buffers;
  const live: number[] = [];
  for (let i = 0; i < bs.length; i++) if (bs[i].size > 0) live.push(i);
  const points = distinctSorted(live.flatMap((i) => [bs[i].lower, bs[i].upper]));
  const first = new Int32Array(bs.length), end = new Int32Array(bs.length);
  for (const i of live) {
    first[i] = countBelow(points, bs[i].lower);
    end[i] = countBelow(points, bs[i].upper);
  }
  live.sort((a, b) => first[a] - first[b] || a - b);
  const parts: Component[] = [];
  for (let k = 0; k < live.length;) {
    // Extend the part while some buffer of it reaches past the next start.
    let reach = end[live[k]], j = k + 1;
    while (j < live.length && first[live[j]] < reach) reach = Math.max(reach, end[live[j++]]);
    parts.push(component(problem, live.slice(k, j), first, end, align));
    k = j;
  }
  return parts;
}

function component(
  problem: PlacementProblem,
  members: number[],
  first: Int32Array,
  end: Int32Array,
  align: number,
): Component {
  const n = members.length;
  const base = first[members[0]];
  const c: Component = {
    ids: Int32Array.from(members),
    size: new Float64Array(n),
    footprint: new Float64Array(n),
    first: new Int32Array(n),
    end: new Int32Array(n),
    sectionCount: 0,
  };
  for (let k = 0; k < n; k++) {
    const i = members[k], size = problem.buffers[i].size;
    c.size[k] = size;
    c.footprint[k] = Math.ceil(size / align) * align;
    c.first[k] = first[i] - base;
    c.end[k] = end[i] - base;
    if (c.end[k] > c.sectionCount) c.sectionCount = c.end[k];
  }
  return c;
}
