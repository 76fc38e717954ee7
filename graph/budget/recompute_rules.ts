/**
 * Which ops may run more than once without changing the step's results: the
 * one definition, shared by the judge and the planners like the lifetime rule.
 *
 * A graph names no in-place update explicitly, so the rule reads it from the
 * format: an op that reads tensors and allocates nothing updates them in place
 * (exporters fold an in-place op's result into the storage it aliases), and a
 * training-mode batch norm updates its weight-kind inputs (running statistics).
 * A tensor updated in place has a value its producer alone cannot give again,
 * so its producer never re-runs; neither does an op that updates anything in
 * place, nor one whose type names a random draw (a second draw differs).
 *
 * @module
 */
import type { IndexedGraph } from "../indexed_graph.ts";
import { isPersistentKind, KIND } from "../kind_codes.ts";

const RANDOM_TYPE = /rand|bernoulli|dropout|normal|uniform|multinomial/i;
// Training-mode batch norm updates its running statistics in place while it
// allocates its outputs: running it twice would update them twice.
const RUNNING_STATS_TYPE = /batch_norm(?!_backward)/i;

/**
 * Per op, the tensors it updates in place (see the module comment), CSR form:
 * `list[start[v] .. start[v+1])`.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "./training_chain.ts";
 * const g = trainingChain(2);
 * const { start, list } = inPlaceUpdates(g);
 * const u1 = g.opIndex.get("u1")!;
 * // u1 updates its weight and its gradient
 * const updated = Array.from(list.subarray(start[u1], start[u1 + 1]), (t) => g.tensorIds[t]);
 * assert.deepEqual(updated, ["w1", "gw1"]);
 * ```
 */
export function inPlaceUpdates(g: IndexedGraph): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(g.opCount + 1);
  const list: number[] = [];
  for (let v = 0; v < g.opCount; v++) {
    const noOutputs = g.outStart[v] === g.outStart[v + 1];
    const statsUpdate = RUNNING_STATS_TYPE.test(g.graph.ops[v].type ?? "");
    for (let k = g.inStart[v]; k < g.inStart[v + 1]; k++) {
      const t = g.inList[k];
      if (noOutputs || (statsUpdate && isPersistentKind(g.kind[t]))) {
        if (list.lastIndexOf(t) < start[v]) list.push(t);
      }
    }
    start[v + 1] = list.length;
  }
  return { start, list: Int32Array.from(list) };
}

/**
 * Per tensor: 1 when some op updates it in place (see the module comment).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "./training_chain.ts";
 * const g = trainingChain(2);
 * assert.equal(mutatedTensors(g)[g.tensorIndex.get("w1")!], 1); // the update u1 writes it
 * ```
 */
export function mutatedTensors(g: IndexedGraph): Uint8Array {
  const mutated = new Uint8Array(g.tensorCount);
  for (const t of inPlaceUpdates(g).list) mutated[t] = 1;
  return mutated;
}

/**
 * Per op: 1 when it may run again (recompute). It must allocate at least one
 * tensor, all of kind `activation` or `workspace`, none updated in place, and
 * its type must not name a random draw.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "./training_chain.ts";
 * const g = trainingChain(2);
 * assert.equal(recomputableOps(g)[g.opIndex.get("f1")!], 1);
 * ```
 */
export function recomputableOps(g: IndexedGraph): Uint8Array {
  const mutated = mutatedTensors(g);
  const ok = new Uint8Array(g.opCount);
  for (let v = 0; v < g.opCount; v++) {
    if (g.outStart[v] === g.outStart[v + 1]) continue;
    const type = g.graph.ops[v].type ?? "";
    if (RANDOM_TYPE.test(type) || RUNNING_STATS_TYPE.test(type)) continue;
    let fine = true;
    for (let k = g.outStart[v]; k < g.outStart[v + 1]; k++) {
      const t = g.outList[k];
      const kind = g.kind[t];
      if ((kind !== KIND.activation && kind !== KIND.workspace) || mutated[t]) fine = false;
    }
    ok[v] = fine ? 1 : 0;
  }
  return ok;
}

/**
 * Per op: the ops that must run after it (`after` edges reversed), CSR form.
 * Every run of an op, recomputes included, precedes each of them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "./training_chain.ts";
 * const g = trainingChain(2);
 * const { start, list } = afterSuccessors(g);
 * const f1 = g.opIndex.get("f1")!;
 * // f1 must precede u1
 * assert.deepEqual(Array.from(list.subarray(start[f1], start[f1 + 1]), (v) => g.opIds[v]), ["u1"]);
 * ```
 */
export function afterSuccessors(g: IndexedGraph): { start: Int32Array; list: Int32Array } {
  const start = new Int32Array(g.opCount + 1);
  for (let k = 0; k < g.afterList.length; k++) start[g.afterList[k] + 1]++;
  for (let v = 0; v < g.opCount; v++) start[v + 1] += start[v];
  const fill = start.slice(0, g.opCount);
  const list = new Int32Array(g.afterList.length);
  for (let v = 0; v < g.opCount; v++) {
    for (let k = g.afterStart[v]; k < g.afterStart[v + 1]; k++) list[fill[g.afterList[k]]++] = v;
  }
  return { start, list };
}
