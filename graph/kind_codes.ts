/**
 * The kind codes of an indexed graph's tensors (IndexedGraph.kind in
 * indexed_graph.ts), in a module of their own: the solver needs the codes,
 * not the graph validation and its schemas, which cost start-up.
 *
 * @module
 */
import type { Kind } from "./types.ts";

/** Kind codes used in `IndexedGraph.kind` (indexed_graph.ts): the index in `KINDS` (types.ts). */
export const KIND = {
  input: 0,
  weight: 1,
  optimizer_state: 2,
  activation: 3,
  gradient: 4,
  workspace: 5,
  output: 6,
} as const satisfies Record<Kind, number>;

/**
 * True for the kinds resident over the whole step and never produced.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(isPersistentKind(KIND.optimizer_state), true);
 * assert.equal(isPersistentKind(KIND.input), false); // freed after its last reader
 * ```
 */
export function isPersistentKind(code: number): boolean {
  return code === KIND.weight || code === KIND.optimizer_state;
}

/**
 * True for the kinds that have no producer.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(isUnproducedKind(KIND.input), true);
 * assert.equal(isUnproducedKind(KIND.gradient), false);
 * ```
 */
export function isUnproducedKind(code: number): boolean {
  return code === KIND.input || code === KIND.weight || code === KIND.optimizer_state;
}
