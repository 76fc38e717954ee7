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
import { countBelow } from "../_sorted.ts";
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
  /**
   * Set on the time-reversed copy of a part (section `s` is the part's
   * `sectionCount - 1 - s`): refuted states are hashed in the part's own
   * sections, so that the part and its mirror share one failure table.
   */
  mirrored?: boolean;
  /**
   * Per buffer, the offset it is pinned at, or NaN when the search places it:
   * buffers fixed outside the search that hang over free space (a window
   * re-solved inside a larger placement). The search places a pinned buffer
   * at its offset when the water level gets there, and gives up the state if
   * something was put in its way.
   */
  pinned?: Float64Array;
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
  let m = 0;
  for (let i = 0; i < bs.length; i++) if (bs[i].size > 0) m++;
  const live = new Int32Array(m);
  const points = new Float64Array(2 * m);
  for (let i = 0, k = 0; i < bs.length; i++) {
    if (bs[i].size <= 0) continue;
    live[k] = i;
    points[2 * k] = bs[i].lower;
    points[2 * k + 1] = bs[i].upper;
    k++;
  }
  const sections = distinctInPlace(points.sort());
  const first = new Int32Array(bs.length), end = new Int32Array(bs.length);
  for (const i of live) {
    first[i] = countBelow(sections, bs[i].lower);
    end[i] = countBelow(sections, bs[i].upper);
  }
  // By first section, then index: a counting sort (sections are fewer than 2m).
  const starts = new Int32Array(sections.length + 1);
  for (const i of live) starts[first[i] + 1]++;
  for (let s = 0; s < sections.length; s++) starts[s + 1] += starts[s];
  const order = new Int32Array(m);
  for (const i of live) order[starts[first[i]]++] = i;
  // The parts' columns are views of one array per column.
  const all = {
    ids: order,
    size: new Float64Array(m),
    footprint: new Float64Array(m),
    first: new Int32Array(m),
    end: new Int32Array(m),
  };
  const parts: Component[] = [];
  for (let k = 0; k < m;) {
    // Extend the part while some buffer of it reaches past the next start.
    let reach = end[order[k]], j = k + 1;
    while (j < m && first[order[j]] < reach) reach = Math.max(reach, end[order[j++]]);
    parts.push(component(problem, all, k, j, first, end, align));
    k = j;
  }
  return parts;
}

/** Drops repeats from sorted `a`; the distinct values, as a view of `a`. */
function distinctInPlace(a: Float64Array): Float64Array {
  let m = 0;
  for (let i = 0; i < a.length; i++) if (i === 0 || a[i] !== a[i - 1]) a[m++] = a[i];
  return a.subarray(0, m);
}

function component(
  problem: PlacementProblem,
  all: Omit<Component, "sectionCount">,
  from: number,
  to: number,
  first: Int32Array,
  end: Int32Array,
  align: number,
): Component {
  const base = first[all.ids[from]];
  const c: Component = {
    ids: all.ids.subarray(from, to),
    size: all.size.subarray(from, to),
    footprint: all.footprint.subarray(from, to),
    first: all.first.subarray(from, to),
    end: all.end.subarray(from, to),
    sectionCount: 0,
  };
  for (let k = 0; k < to - from; k++) {
    const i = c.ids[k], size = problem.buffers[i].size;
    c.size[k] = size;
    c.footprint[k] = Math.ceil(size / align) * align;
    c.first[k] = first[i] - base;
    c.end[k] = end[i] - base;
    if (c.end[k] > c.sectionCount) c.sectionCount = c.end[k];
  }
  return c;
}
