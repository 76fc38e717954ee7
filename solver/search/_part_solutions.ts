/**
 * The independent parts of a problem and the best placement known for each,
 * so that a sequence of searches at falling capacities (minimising) searches
 * again only the parts that do not fit yet.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";
import { type Component, splitComponents } from "./_components.ts";
import { PartPortfolio } from "./_portfolio.ts";
import { isClique, stackClique } from "./_clique.ts";
import { sharedScratch } from "./_search_scratch.ts";

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
  #secondCore: boolean;
  #scratch = sharedScratch();
  #clique: Uint8Array; // per part: all its buffers live at one time (stacked, not searched)
  // Per capacity (latest used last), the portfolios of parts left unsettled
  // by a call that ran out of runs or of time: the next call at that capacity
  // resumes them, so that a probe revisited with more time loses no work.
  #paused = new Map<number, Map<number, PartPortfolio>>();
  #carried = 0; // nodes of a call paused for its runs, reported with the next answer

  /**
   * Splits the problem; `checkEvery` is passed on to the searches, and
   * `secondCore` (default false) lets a part that takes long be searched on a
   * second core too (`_second_core.ts`).
   */
  constructor(
    problem: PlacementProblem,
    options: { checkEvery?: number; secondCore?: boolean } = {},
  ) {
    this.#problem = problem;
    this.#alignment = problem.alignment ?? 1;
    this.#parts = splitComponents(problem);
    this.#best = this.#parts.map(() => undefined);
    this.#arena = new Float64Array(this.#parts.length).fill(Infinity);
    this.#checkEvery = options.checkEvery;
    this.#secondCore = options.secondCore ?? false;
    this.#clique = Uint8Array.from(this.#parts, (p) => isClique(p) ? 1 : 0);
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
    return this.#settle(capacity, deadline, Infinity)!;
  }

  /**
   * {@linkcode solve} with at most `runs` search runs per part that is not
   * settled yet; undefined (pausing that part's portfolio for the next call
   * at this capacity) as soon as one part is not settled by them.
   */
  tryFirstRuns(capacity: number, deadline: number, runs: number): CapacityAnswer | undefined {
    return this.#settle(capacity, deadline, runs);
  }

  #settle(capacity: number, deadline: number, runs: number): CapacityAnswer | undefined {
    const paused = this.#pausedAt(capacity);
    const offsets = new Float64Array(this.#problem.buffers.length);
    let nodes = this.#carried, timedOut = false;
    this.#carried = 0;
    for (let p = 0; p < this.#parts.length; p++) {
      const part = this.#parts[p];
      if (this.#arena[p] > capacity) {
        let r;
        if (timedOut) {
          r = { outcome: "timeout" as const, offsets: new Float64Array(part.ids.length).fill(NaN) };
        } else if (this.#clique[p] !== 0) {
          const stacked = stackClique(part, capacity);
          r = stacked === undefined
            ? { outcome: "infeasible" as const }
            : { outcome: "found" as const, offsets: stacked };
        } else {
          const portfolio = paused.get(p) ?? new PartPortfolio(part, {
            capacity,
            alignment: this.#alignment,
            deadline,
            checkEvery: this.#checkEvery,
            scratch: this.#scratch,
            secondCore: this.#secondCore,
          });
          const before = portfolio.nodes;
          r = portfolio.run(deadline, runs);
          nodes += portfolio.nodes - before;
          if (r === undefined) {
            paused.set(p, portfolio);
            this.#carried = nodes;
            return undefined;
          }
          if (r.outcome === "timeout") paused.set(p, portfolio);
          else paused.delete(p);
        }
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

  /** The paused portfolios at a capacity, made the latest used; the oldest beyond the limit go. */
  #pausedAt(capacity: number): Map<number, PartPortfolio> {
    const paused = this.#paused.get(capacity) ?? new Map<number, PartPortfolio>();
    this.#paused.delete(capacity);
    this.#paused.set(capacity, paused);
    for (const old of this.#paused.keys()) {
      if (this.#paused.size <= PAUSED_CAPACITIES) break;
      this.#paused.delete(old);
    }
    return paused;
  }
}

/**
 * Capacities whose unsettled searches are kept for resuming: a minimising
 * search returns to the bound and to a few probes of its current descent;
 * each kept search holds a failure table of up to 2^21 keys (32 MB at most).
 */
const PAUSED_CAPACITIES = 4;

function arenaOf(part: Component, offsets: Float64Array): number {
  let top = 0;
  for (let k = 0; k < offsets.length; k++) top = Math.max(top, offsets[k] + part.size[k]);
  return top;
}
