/**
 * Bounds from the first and the last step: whichever ops run there, some
 * tensors are resident by their kind alone.
 *
 * @module
 */
import type { IndexedGraph } from "../indexed_graph.ts";
import { isPersistentKind, KIND } from "../kind_codes.ts";
import { persistentBytes } from "./persistent.ts";
import type { Bound } from "./types.ts";

/**
 * `persistent + all input bytes + min over source ops v of v's output bytes`.
 *
 * Proof: some op v0 runs at step 0, and it is a source (no data or `after`
 * predecessor), since a schedule is topological. At step 0 every `input`
 * tensor is resident (`first = 0 <= last`, including an input nobody reads),
 * every weight and optimizer state is, and so is every output of v0 (resident
 * from its producer's step). These three sets are disjoint (the first two have
 * no producer, the last has one), so live(0) is at least their sum, which is at
 * least the expression with the minimum over sources. With no ops there are no
 * steps and the peak is 0.
 *
 * Cost: O(ops + tensor references).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * // w 2 + x 4 + a 8
 * assert.deepEqual(firstStepBound(g), { bytes: 14, op: -1, step: "first" });
 * ```
 */
export function firstStepBound(g: IndexedGraph): Bound {
  if (g.opCount === 0) return { bytes: 0, op: -1, step: "first" };
  let inputs = 0;
  for (let t = 0; t < g.tensorCount; t++) if (g.kind[t] === KIND.input) inputs += g.size[t];
  let least = Infinity;
  for (let v = 0; v < g.opCount; v++) {
    if (g.afterStart[v + 1] > g.afterStart[v]) continue;
    let source = true;
    for (let k = g.inStart[v]; k < g.inStart[v + 1] && source; k++) {
      if (g.producer[g.inList[k]] >= 0) source = false;
    }
    if (!source) continue;
    let out = 0;
    for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) out += g.size[g.outList[k]];
    if (out < least) least = out;
  }
  return { bytes: persistentBytes(g) + inputs + least, op: -1, step: "first" };
}

/**
 * `persistent + all output bytes + min over sink ops v of the bytes of v's
 * distinct operands that are neither persistent nor outputs`.
 *
 * Proof: the op at step n-1 is a sink (nothing reads its outputs or runs
 * after it), since a schedule is topological. At step n-1 every `output`
 * tensor is resident (from its producer's step to n-1), so is every weight
 * and optimizer state, and so are the inputs and outputs of the op running
 * there. Skipping persistent and `output` operands, and counting an operand
 * listed twice once, the three sets are disjoint.
 *
 * Cost: O(ops + tensor references).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * // w 2 + loss 1 + c 4
 * assert.deepEqual(lastStepBound(g), { bytes: 7, op: -1, step: "last" });
 * ```
 */
export function lastStepBound(g: IndexedGraph): Bound {
  const V = g.opCount, T = g.tensorCount;
  if (V === 0) return { bytes: 0, op: -1, step: "last" };
  let outputs = 0;
  for (let t = 0; t < T; t++) if (g.kind[t] === KIND.output) outputs += g.size[t];
  const hasSuccessor = new Uint8Array(V);
  for (let t = 0; t < T; t++) {
    if (g.producer[t] >= 0 && g.readerStart[t + 1] > g.readerStart[t]) {
      hasSuccessor[g.producer[t]] = 1;
    }
  }
  for (let k = 0; k < g.afterList.length; k++) hasSuccessor[g.afterList[k]] = 1;
  const seen = new Int32Array(T).fill(-1);
  let least = Infinity;
  for (let v = 0; v < V; v++) {
    if (hasSuccessor[v]) continue;
    let here = 0;
    const add = (t: number) => {
      if (seen[t] === v || isPersistentKind(g.kind[t]) || g.kind[t] === KIND.output) return;
      seen[t] = v;
      here += g.size[t];
    };
    for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) add(g.inList[k]);
    for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) add(g.outList[k]);
    if (here < least) least = here;
  }
  return { bytes: persistentBytes(g) + outputs + least, op: -1, step: "last" };
}

/**
 * The larger of {@linkcode firstStepBound} and {@linkcode lastStepBound} (the
 * first on a tie): the floor every per-op bound here is raised to.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * assert.deepEqual(endStepsBound(g), { bytes: 14, op: -1, step: "first" });
 * ```
 */
export function endStepsBound(g: IndexedGraph): Bound {
  const first = firstStepBound(g), last = lastStepBound(g);
  return last.bytes > first.bytes ? last : first;
}
