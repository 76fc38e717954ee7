/**
 * The trivial bound: an op's own operands, the persistent tensors, and the
 * first and last steps.
 *
 * @module
 */
import type { IndexedGraph } from "../indexed_graph.ts";
import { isPersistentKind } from "../kind_codes.ts";
import { persistentBytes } from "./persistent.ts";
import { endStepsBound } from "./end_steps.ts";
import { maxOverOps } from "./max_over_ops.ts";
import type { Bound } from "./types.ts";

/**
 * Per op v: persistent bytes plus the bytes of the distinct non-persistent
 * tensors among v's inputs and outputs.
 *
 * Proof that every schedule has live(step of v) >= trivialPerOp[v]: at v's step
 * s, an output of v is resident (`first = s`); an input of v is resident since
 * `first <= s` (0 or its producer's step, which is earlier) and `last >= s` (v
 * reads it, or it is an `output`, resident to the end); weights and optimizer
 * state are resident at every step. Persistent tensors are added once as a
 * whole and skipped among the operands, and an input listed twice is counted
 * once, so no tensor is counted twice.
 *
 * Cost: O(ops + tensors + tensor references).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * assert.deepEqual(trivialPerOp(g), Float64Array.from([14, 18, 22, 7]));
 * ```
 */
export function trivialPerOp(g: IndexedGraph): Float64Array {
  const V = g.opCount;
  const persistent = persistentBytes(g);
  const seen = new Int32Array(g.tensorCount).fill(-1);
  const out = new Float64Array(V);
  for (let v = 0; v < V; v++) {
    let sum = persistent;
    for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) sum += g.size[g.outList[k]];
    for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
      const t = g.inList[k];
      if (seen[t] === v || isPersistentKind(g.kind[t])) continue;
      seen[t] = v;
      sum += g.size[t];
    }
    out[v] = sum;
  }
  return out;
}

/**
 * The larger of {@linkcode endStepsBound} and the largest
 * {@linkcode trivialPerOp}: both hold for every schedule, so their maximum does.
 * Ties go to the op bound.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * assert.deepEqual(trivialBound(g), { bytes: 22, op: 2 }); // f3 with a, b, c and w
 * ```
 */
export function trivialBound(g: IndexedGraph): Bound {
  return maxOverOps(trivialPerOp(g), endStepsBound(g));
}
