/**
 * A small training graph with a skip connection, shared by the tests of the
 * recompute planners: unlike a chain, a re-run of one forward op can serve
 * two later readers.
 */
import { type IndexedGraph, indexGraph } from "../../graph/indexed_graph.ts";

/**
 * A residual block: f1 feeds f2 and the add; backward reads all three.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const g = residualBlock();
 * assert.equal(g.opCount, 7);
 * ```
 */
export function residualBlock(): IndexedGraph {
  return indexGraph({
    format: "memplan.graph/v1",
    name: "residual",
    tensors: [
      { id: "x", size: 3, kind: "input" },
      { id: "w", size: 1, kind: "weight" },
      { id: "a", size: 8 },
      { id: "b", size: 6 },
      { id: "c", size: 5 },
      { id: "loss", size: 1, kind: "output" },
      { id: "d", size: 4 },
      { id: "e", size: 7, kind: "gradient" },
      { id: "gw", size: 1, kind: "gradient" },
    ],
    ops: [
      { id: "f1", in: ["x", "w"], out: ["a"], cost: 3 },
      { id: "f2", in: ["a"], out: ["b"], cost: 2 },
      { id: "add", in: ["a", "b"], out: ["c"], cost: 1 },
      { id: "l", in: ["c"], out: ["loss", "d"], cost: 1 },
      { id: "bb", in: ["d", "b"], out: ["e"], cost: 2 },
      { id: "ba", in: ["e", "a", "x"], out: ["gw"], cost: 3 },
      { id: "u", in: ["w", "gw"], out: [], after: ["f1", "ba"] },
    ],
  } as never);
}
