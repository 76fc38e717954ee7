/**
 * Deep training chains (graph/budget/training_chain.ts) with random depth,
 * activation sizes and op costs: the graphs where recompute plans abound.
 *
 * @module
 */
import fc from "npm:fast-check@4.10.2";
import { trainingChain } from "../graph/budget/training_chain.ts";
import type { IndexedGraph } from "../graph/indexed_graph.ts";

/**
 * A random training chain of 2 … `maxLayers` layers.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import fc from "npm:fast-check@4.10.2";
 * for (const g of fc.sample(arbChainGraph(5), { numRuns: 10, seed: 1 })) {
 *   // n layers: n forward, a loss, n backward, n updates
 *   assert.ok(g.opCount % 3 === 1 && g.opCount >= 7 && g.opCount <= 16);
 * }
 * ```
 */
export function arbChainGraph(maxLayers = 6): fc.Arbitrary<IndexedGraph> {
  return fc.integer({ min: 2, max: maxLayers }).chain((n) =>
    fc.tuple(
      fc.array(fc.integer({ min: 1, max: 64 }), { minLength: n + 1, maxLength: n + 1 }),
      fc.array(fc.integer({ min: 0, max: 9 }), { minLength: 3 * n + 1, maxLength: 3 * n + 1 }),
    ).map(([sizes, costs]) => trainingChain(n, sizes, costs))
  );
}
