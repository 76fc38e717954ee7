/**
 * The independent parts of a problem and the best placement known for each,
 * so that a sequence of searches at falling capacities (minimising) searches
 * again only the parts that do not fit yet.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";
import { type Component, splitComponents } from "./_components.ts";
import { solvePart } from "./_portfolio.ts";

/** The answer at one capacity for the whole problem. */
export interface CapacityAnswer {
  outcome: "found" | "infeasible" | "timeout";
  /**
   * Per buffer of the problem (zero-size ones at 0): all offsets when found;
   * when timed out, those of the parts solved and the deepest partial
   * placement of the others (NaN = unplaced); nothing when infeasible.
   */
  offsets?: Float64Array;
  nodes: number;
}

/**
 * Parts of one problem with their best known placements.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * const parts = new PartSolutions(problem);
 * assert.equal(parts.solve(12, Infinity).outcome, "found");
 * assert.equal(parts.solve(11, Infinity).outcome, "infeasible");
 * ```
 */
export class PartSolutions {
  #problem: PlacementProblem;
  #alignment: number;
  #parts: Component[];
  #best: (Float64Array | undefined)[];
  #arena: Float64Array;
  #checkEvery: number | undefined;

  /** Splits the problem; `checkEvery` is passed on to the searches. */
  constructor(problem: PlacementProblem, options: { checkEvery?: number } = {}) {
    this.#problem = problem;
    this.#alignment = problem.alignment ?? 1;
    this.#parts = splitComponents(problem);
    this.#best = this.#parts.map(() => undefined);
    this.#arena = new Float64Array(this.#parts.length).fill(Infinity);
    this.#checkEvery = options.checkEvery;
  }

  /** Number of independent parts. */
  get count(): number {
    return this.#parts.length;
  }

  /**
   * Places every part within `capacity`, reusing known placements that fit.
   * Stops at the first part proved infeasible.
   */
  solve(capacity: number, deadline: number): CapacityAnswer {
    const offsets = new Float64Array(this.#problem.buffers.length);
    let nodes = 0, timedOut = false;
    for (let p = 0; p < this.#parts.length; p++) {
      const part = this.#parts[p];
      if (this.#arena[p] > capacity) {
        const r = timedOut
          ? { outcome: "timeout" as const, offsets: new Float64Array(part.ids.length).fill(NaN) }
          : solvePart(part, {
            capacity,
            alignment: this.#alignment,
            deadline,
            checkEvery: this.#checkEvery,
          });
        nodes += "nodes" in r ? r.nodes : 0;
        if (r.outcome === "infeasible") return { outcome: "infeasible", nodes };
        if (r.outcome === "timeout") {
          timedOut = true;
          for (let k = 0; k < part.ids.length; k++) offsets[part.ids[k]] = r.offsets[k];
          continue;
        }
        this.#best[p] = r.offsets;
        this.#arena[p] = arenaOf(part, r.offsets);
      }
      const best = this.#best[p]!;
      for (let k = 0; k < part.ids.length; k++) offsets[part.ids[k]] = best[k];
    }
    return { outcome: timedOut ? "timeout" : "found", offsets, nodes };
  }
}

function arenaOf(part: Component, offsets: Float64Array): number {
  let top = 0;
  for (let k = 0; k < offsets.length; k++) top = Math.max(top, offsets[k] + part.size[k]);
  return top;
}
