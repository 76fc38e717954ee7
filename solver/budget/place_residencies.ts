/**
 * Placement of a budget plan: every residency becomes a buffer of a
 * fixed-lifetime problem, placed by a registered placer within the budget.
 *
 * @module
 */
import { type Events, residencies } from "../../graph/budget/events.ts";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import type { PlacementProblem } from "../../graph/types.ts";
import { getPlacer } from "../registry.ts";
import type { PlaceResult } from "../types.ts";

/**
 * The buffer problem of a plan's residencies (buffer i = residency i).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { runEvents } from "../../graph/budget/events.ts";
 * import { programOrder } from "../../graph/lifetimes.ts";
 * const g = trainingChain(4);
 * const events = runEvents(programOrder(g));
 * // nothing recomputed: one buffer per tensor
 * assert.equal(residencyProblem(g, events, { capacity: 1 << 20 }).buffers.length, g.tensorCount);
 * ```
 */
export function residencyProblem(
  g: IndexedGraph,
  events: Events,
  options: { capacity?: number } = {},
): PlacementProblem {
  const r = residencies(g, events);
  const buffers = new Array(r.count);
  for (let i = 0; i < r.count; i++) {
    const t = r.tensor[i];
    buffers[i] = {
      id: `${g.tensorIds[t]}#${r.ordinal[i]}`,
      lower: r.first[i],
      upper: r.last[i] + 1,
      size: g.size[t],
    };
  }
  const p: PlacementProblem = { buffers, alignment: g.alignment };
  if (options.capacity !== undefined) p.capacity = options.capacity;
  return p;
}

/**
 * Places a plan's residencies with a registered placer (default `best`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { runEvents } from "../../graph/budget/events.ts";
 * import { programOrder } from "../../graph/lifetimes.ts";
 * const g = trainingChain(4);
 * const events = runEvents(programOrder(g));
 * const { offsets, arena } = await placeResidencies(g, events, {
 *   capacity: 1 << 20, placer: "greedy-size",
 * });
 * assert.deepEqual([offsets.length, arena], [g.tensorCount, 54]); // the peak live
 * ```
 */
export function placeResidencies(
  g: IndexedGraph,
  events: Events,
  options: { capacity?: number; placer?: string; timeLimit?: number; seed?: number } = {},
): Promise<PlaceResult> {
  const problem = residencyProblem(g, events, { capacity: options.capacity });
  return getPlacer(options.placer ?? "best").place(problem, {
    capacity: options.capacity,
    timeLimit: options.timeLimit ?? 10,
    seed: options.seed,
  });
}
