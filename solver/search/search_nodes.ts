/**
 * Nodes the exact search takes on a problem at a capacity, with a cap: the
 * measure that the search's changes are judged by, since, unlike time, it
 * does not depend on the machine or its load.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";
import { splitComponents } from "./_components.ts";
import { PartPortfolio } from "./_portfolio.ts";

/** Options of {@linkcode searchNodes}. */
export interface SearchNodesOptions {
  capacity: number;
  /**
   * Nodes of one part after which the problem counts as unsolved; checked
   * between runs of the part's portfolio, so a count may pass it by one run.
   * Default 300,000.
   */
  nodeCap?: number;
}

/** What {@linkcode searchNodes} found. */
export interface SearchNodesResult {
  /** `found`, `infeasible` (proved), or `capped` (the cap came first). */
  outcome: "found" | "infeasible" | "capped";
  /** Over all parts, up to the first part that was not found. */
  nodes: number;
  /** The most runs one part needed (0 when a part was capped). */
  runs: number;
}

/**
 * Runs the search's portfolio on every independent part, with no time limit
 * but a node cap; stops at the first part without a placement.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * assert.equal(searchNodes(problem, { capacity: 12 }).outcome, "found");
 * assert.equal(searchNodes(problem, { capacity: 11 }).outcome, "infeasible");
 * ```
 */
export function searchNodes(
  problem: PlacementProblem,
  options: SearchNodesOptions,
): SearchNodesResult {
  const cap = options.nodeCap ?? 300_000;
  let nodes = 0, runs = 0;
  for (const part of splitComponents(problem)) {
    const portfolio = new PartPortfolio(part, {
      capacity: options.capacity,
      alignment: problem.alignment ?? 1,
      deadline: Infinity,
    });
    let r;
    while ((r = portfolio.run(Infinity, 1)) === undefined && portfolio.nodes < cap);
    nodes += portfolio.nodes;
    if (r === undefined) return { outcome: "capped", nodes, runs: 0 };
    runs = Math.max(runs, r.runs);
    if (r.outcome !== "found") return { outcome: "infeasible", nodes, runs };
  }
  return { outcome: "found", nodes, runs };
}
