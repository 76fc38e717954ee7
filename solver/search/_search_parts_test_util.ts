/**
 * For the search's tests: one bare search on every part of a problem, its
 * offsets gathered back per buffer of the problem.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";
import { splitComponents } from "./_components.ts";
import {
  type ComponentSearchOptions,
  type ComponentSearchResult,
  searchComponent,
} from "./_search_component.ts";

/** What {@linkcode searchEveryPart} returns. */
export interface EveryPartResult {
  /** Each part's outcome, in time order. */
  outcomes: ComponentSearchResult["outcome"][];
  /** Per buffer of the problem; NaN where no part placed it (size 0, or not found). */
  offsets: Float64Array;
  /** Nodes of all the parts' searches. */
  nodes: number;
}

/**
 * Searches every part of `problem` with the same options.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { staircase } from "./_fixtures.ts";
 * const r = searchEveryPart(staircase(), { capacity: 6, alignment: 1, deadline: Infinity });
 * assert.deepEqual(r.outcomes, ["found"]); // one part
 * assert.ok(r.offsets.every((o, i) => o + staircase().buffers[i].size <= 6));
 * ```
 */
export function searchEveryPart(
  problem: PlacementProblem,
  options: ComponentSearchOptions,
): EveryPartResult {
  const offsets = new Float64Array(problem.buffers.length).fill(NaN);
  const outcomes: ComponentSearchResult["outcome"][] = [];
  let nodes = 0;
  for (const part of splitComponents(problem)) {
    const r = searchComponent(part, options);
    outcomes.push(r.outcome);
    part.ids.forEach((id, k) => offsets[id] = r.offsets[k]);
    nodes += r.nodes;
  }
  return { outcomes, offsets, nodes };
}
