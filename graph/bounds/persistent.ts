/**
 * Bytes resident at every step of every schedule.
 *
 * @module
 */
import type { IndexedGraph } from "../indexed_graph.ts";
import { isPersistentKind } from "../kind_codes.ts";

/**
 * Total size of `weight` and `optimizer_state` tensors: FORMAT.md §2 makes them
 * resident over `[0, n-1]` whatever the order, so every bound starts from them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadGraph } from "../load.ts";
 * const g = await loadGraph("testdata/graphs/tiny.json");
 * assert.equal(persistentBytes(g), 2); // the weight w
 * ```
 */
export function persistentBytes(g: IndexedGraph): number {
  let total = 0;
  for (let t = 0; t < g.tensorCount; t++) if (isPersistentKind(g.kind[t])) total += g.size[t];
  return total;
}
