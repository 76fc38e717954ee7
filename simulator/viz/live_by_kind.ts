/**
 * Resident bytes per kind at every step, the data of the stacked timeline.
 *
 * @module
 */
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import { KINDS, type Lifetimes } from "../../graph/types.ts";

/**
 * For each kind code (index into `KINDS`), the total size of its resident
 * tensors at steps `0 … steps-1`. Summed over kinds it is the simulator's
 * `timeline.live`; one difference array per kind keeps it O(T + 7·steps).
 *
 * @example
 * ```ts
 * const byKind = liveByKind(g, report.lifetimes, report.timeline.live.length);
 * byKind[KIND.weight][0]; // weight bytes at step 0
 * ```
 */
export function liveByKind(g: IndexedGraph, lt: Lifetimes, steps: number): Float64Array[] {
  const delta = KINDS.map(() => new Float64Array(steps + 1));
  for (let t = 0; t < g.tensorCount; t++) {
    const size = g.size[t];
    if (size === 0) continue;
    const f = lt.first[t], l = Math.min(lt.last[t], steps - 1);
    if (f > l) continue;
    const d = delta[g.kind[t]];
    d[f] += size;
    d[l + 1] -= size;
  }
  return delta.map((d) => {
    const out = new Float64Array(steps);
    let acc = 0;
    for (let s = 0; s < steps; s++) out[s] = acc += d[s];
    return out;
  });
}
