/**
 * Restarts over the search heuristics with growing node budgets.
 *
 * How long a complete search takes to find a placement is heavy-tailed: one
 * heuristic solves a problem in a hundred nodes where another is lost for
 * minutes in an infeasible subtree. Running each heuristic in turn with a
 * budget that doubles every round costs at most a small factor over the best
 * heuristic for the problem, and stays complete: budgets grow without bound,
 * and any run that ends within its budget has the final answer.
 *
 * @module
 */
import type { Component } from "./_components.ts";
import { FailureTable } from "./_failure_table.ts";
import {
  DistinctHeuristics,
  type Heuristic,
  HEURISTICS,
  jitteredHeuristic,
} from "./_heuristics.ts";
import { type ComponentSearchResult, searchComponent } from "./_search_component.ts";
import { SearchScratch } from "./_search_scratch.ts";
import { SecondCore, type SecondCoreAnswer } from "./_second_core.ts";

/**
 * A place in a portfolio's sequence of runs: round, run within the round,
 * and the round's node budget.
 */
export interface RunPosition {
  round: number;
  i: number;
  budget: number;
}

/**
 * Milliseconds a call spends on a part before a helper joins it: starting a
 * worker costs 10-25 ms of this thread, so parts settled sooner (nearly all)
 * never pay it.
 */
export const HELPER_AFTER_MS = 500;
/** Milliseconds that must be left to the deadline for a helper to be worth starting. */
export const HELPER_MIN_LEFT_MS = 300;

/** Options of {@linkcode solvePart}. */
export interface SolvePartOptions {
  capacity: number;
  alignment: number;
  /** `performance.now()` at which to give up. */
  deadline: number;
  /** Nodes between two looks at the clock; default depends on the part size. */
  checkEvery?: number;
  /**
   * Node budget of the first run (doubled each round); default the part's
   * buffer count plus 128: a run that fits takes at least one node per
   * buffer, and a fixed budget either starved large parts or let small ones
   * spend hundreds of nodes in a first order that was going nowhere. Plus
   * 128 rather than 256: on held-out seeds of five families (tight, holes,
   * slack, mixed-holes, skyline-holes) fewer nodes on 125 of the instances
   * both solved and more on 29 (plus 64 and twice the buffers: mixed).
   */
  firstBudget?: number;
  /** Working arrays shared by the runs (and by other parts' searches); default new ones. */
  scratch?: SearchScratch;
  /**
   * Let a helper portfolio search the part on a second core
   * (`_second_core.ts`) once a call has taken {@linkcode HELPER_AFTER_MS}
   * and has at least {@linkcode HELPER_MIN_LEFT_MS} left; default false.
   */
  secondCore?: boolean;
  /** Milliseconds of a call before the helper joins; default {@linkcode HELPER_AFTER_MS}. */
  helperAfterMs?: number;
  /**
   * Where a helper's portfolio starts in the sequence of runs (the run after
   * the one its caller is in, and that run's node budget); it then takes
   * every other run, as its caller does from then on. Default: the start,
   * every run.
   */
  startAt?: RunPosition;
  /** Refuted states shared with another thread's portfolio (`FailureTable.toShared`). */
  sharedFailures?: SharedArrayBuffer;
  /** Looked at with the clock: true stops the call as if at its deadline. */
  interrupt?: () => boolean;
}

/** The answer for one part: as one search's, without `limit`, plus the runs made. */
export interface SolvePartResult {
  outcome: "found" | "infeasible" | "timeout";
  /** All offsets when found; the deepest partial placement seen when timed out (NaN = unplaced). */
  offsets: Float64Array;
  nodes: number;
  runs: number;
}

/**
 * Searches one part under the capacity, restarting through the heuristics.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * import { splitComponents } from "./_components.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * const [part] = splitComponents(problem);
 * assert.equal(solvePart(part, { capacity: 12, alignment: 1, deadline: Infinity }).outcome, "found");
 * ```
 */
export function solvePart(comp: Component, options: SolvePartOptions): SolvePartResult {
  return new PartPortfolio(comp, options).run(options.deadline)!;
}

/**
 * {@linkcode solvePart} that can pause after some runs and resume later where
 * it stopped (same budgets, same refuted states), so that a caller can try
 * something cheaper in between without paying the first runs twice.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { loadMinimallocCsv } from "../../graph/load.ts";
 * import { splitComponents } from "./_components.ts";
 * const problem = await loadMinimallocCsv("testdata/minimalloc/example.12.csv");
 * const [part] = splitComponents(problem);
 * const p = new PartPortfolio(part, { capacity: 12, alignment: 1, deadline: Infinity });
 * // example.12 is settled by the first run; a harder part would answer undefined
 * assert.equal(p.run(Infinity, 1)?.outcome, "found");
 * ```
 */
export class PartPortfolio {
  #comp: Component;
  #options: SolvePartOptions;
  #budget: number;
  #nodes = 0;
  #runs = 0;
  #round = 0;
  #i = 0;
  #best: Float64Array | undefined;
  #bestCount = -1;
  // The first run alone settles most parts: the rest is set up only when it
  // does not, and then only as far as the runs reach it (the mirror when a
  // run on it comes, each fixed heuristic's order when its run comes).
  #grown: Grown | undefined;
  // Runs left to a helper on the second core: after each of its own, this
  // portfolio skips one (the helper takes those).
  #stride = 1;
  // Refuted states carry over from run to run (same part, same capacity), and
  // between the part and its mirror, whose states are hashed in the part's sections.
  #failures = new FailureTable();
  #scratch: SearchScratch;

  /** A portfolio on `comp` at `options.capacity` (its `deadline` is the one of each call). */
  constructor(comp: Component, options: SolvePartOptions) {
    this.#comp = comp;
    this.#options = options;
    this.#budget = options.firstBudget ?? comp.ids.length + 128;
    this.#scratch = options.scratch ?? new SearchScratch();
    if (options.sharedFailures !== undefined) {
      this.#failures = FailureTable.onShared(options.sharedFailures);
    }
    if (options.startAt !== undefined) {
      this.#grow();
      this.#round = options.startAt.round;
      this.#i = options.startAt.i;
      this.#budget = options.startAt.budget;
      this.#stride = 2;
    }
  }

  /** From the second run on: the mirror, and every fixed heuristic, not just the first. */
  #grow(): void {
    const comp = this.#comp;
    let mirror: Component | undefined;
    this.#grown = {
      mirror: () => mirror ??= mirrored(comp),
      fixed: new DistinctHeuristics(comp, this.#options),
    };
  }

  /** Moves past the runs of the sequence that do not exist (ends of rounds). */
  #settlePosition(): void {
    while (
      runOf(this.#comp, this.#grown, this.#round, this.#i) === undefined
    ) {
      this.#round++;
      this.#i = 0;
      this.#budget *= 2;
    }
  }

  /**
   * Runs until an answer (returned) or `maxRuns` more runs without one
   * (undefined). After a `timeout` answer a later call, with a later
   * deadline, goes on from where the search stopped.
   */
  run(deadline: number, maxRuns = Infinity): SolvePartResult | undefined {
    const started = performance.now();
    let helper: SecondCore | undefined, asked = false;
    const own = this.#options.interrupt;
    const interrupt = (): boolean => {
      if (own?.()) return true;
      if (helper !== undefined) return helper.settled;
      if (this.#options.secondCore && !asked) {
        const now = performance.now();
        const after = this.#options.helperAfterMs ?? HELPER_AFTER_MS;
        if (now - started >= after && deadline - now >= HELPER_MIN_LEFT_MS) {
          asked = true;
          // The helper takes the run after the one in progress here (whose
          // index is #i - 1), then every other one; this portfolio the rest.
          const next = { round: this.#round, i: this.#i, budget: this.#budget };
          helper = SecondCore.start({
            comp: this.#comp,
            capacity: this.#options.capacity,
            alignment: this.#options.alignment,
            checkEvery: this.#options.checkEvery,
            startAt: next,
            // One table of refuted states for both: a state either refutes
            // is skipped by the other, as between the runs of one portfolio.
            failures: this.#failures.toShared(),
            ms: deadline - now,
          });
          if (helper !== undefined) this.#stride = 2;
        }
      }
      return false;
    };
    try {
      return this.#runOn(deadline, maxRuns, interrupt, () => helper?.answer());
    } finally {
      if (helper !== undefined) {
        helper.stop();
        // A later call without a helper takes every run again; those the
        // helper had are not repeated (budgets grow, so nothing is lost).
        this.#stride = 1;
      }
    }
  }

  /** The runs of {@linkcode run}; `helped` reads the helper's answer, if any. */
  #runOn(
    deadline: number,
    maxRuns: number,
    interrupt: () => boolean,
    helped: () => SecondCoreAnswer | undefined,
  ): SolvePartResult | undefined {
    const comp = this.#comp, options = this.#options;
    for (let done = 0; done < maxRuns;) {
      this.#settlePosition();
      const run = runOf(comp, this.#grown, this.#round, this.#i)!;
      this.#i++;
      const [heuristic, part] = run;
      const r: ComponentSearchResult = searchComponent(part, {
        capacity: options.capacity,
        alignment: options.alignment,
        deadline,
        nodeLimit: this.#budget,
        checkEvery: options.checkEvery,
        heuristic,
        failures: this.#failures,
        scratch: this.#scratch,
        interrupt,
        // Releases are checked in every run, the first included, but only from
        // a run's first backtrack on: a dive that never fails pays nothing for
        // them, and a first run that does fail is more often saved by them
        // (tight held-out seeds 5101-5300: geometric mean 1,053 -> 969 nodes,
        // fewer on all 71 instances that changed, 12 settled in fewer runs).
        // The first run drops them after RELEASE_TRIAL checks in a row cut
        // nothing: there they were only cost on the large fixtures.
        releaseTrial: this.#runs === 0 ? RELEASE_TRIAL : Infinity,
      });
      this.#nodes += r.nodes;
      this.#runs++;
      done++;
      if (this.#runs === 1 && this.#grown === undefined) this.#grow();
      const nodes = this.#nodes, runs = this.#runs;
      if (r.outcome === "found" || r.outcome === "infeasible") {
        return { outcome: r.outcome, offsets: r.offsets, nodes, runs };
      }
      const other = helped();
      if (other !== undefined) {
        // The interrupted run is repeated if this portfolio is ever resumed.
        if (r.outcome === "timeout") this.#i--;
        return { ...other, nodes: nodes + other.nodes, runs };
      }
      const count = placedCount(r.offsets);
      if (count > this.#bestCount) {
        this.#best = r.offsets;
        this.#bestCount = count;
      }
      if (r.outcome === "timeout") {
        // Resumed, the portfolio repeats the interrupted run: the failure
        // table lets it skip the subtrees it had refuted and carry on.
        this.#i--;
        return { outcome: "timeout", offsets: this.#best!, nodes, runs };
      }
      for (let skip = 1; skip < this.#stride; skip++) {
        this.#settlePosition();
        this.#i++;
      }
    }
    return undefined;
  }

  /** Nodes searched so far. */
  get nodes(): number {
    return this.#nodes;
  }
}

/**
 * Release checks in a row without a cut after which a first run stops making
 * them. At 256 the nodes are the same as with no limit on tight seeds
 * 5001-5300, holes and slack 5001-5060 and the fixtures, node for node; at 64,
 * 10 of those 300 tight problems took more nodes.
 */
const RELEASE_TRIAL = 256;

/** Randomised runs per round, after the fixed heuristics. */
const JITTERED_RUNS = 4;

/**
 * Run `i` of a round: each distinct fixed heuristic on the part, then each on
 * its mirror, then fresh randomised ones (alternately on each); undefined past
 * the last. Before the portfolio has grown (the very first run) only the first.
 * Heuristics before mirrors: on the fixtures another order found the fit in
 * fewer nodes more often than the same order backwards in time.
 */
function runOf(
  comp: Component,
  grown: Grown | undefined,
  round: number,
  i: number,
): [Heuristic, Component] | undefined {
  if (grown === undefined) return i === 0 ? [HEURISTICS[0], comp] : undefined;
  const { fixed } = grown;
  const h = fixed.at(i);
  if (h !== undefined) return [h, comp];
  const f = fixed.length;
  if (i < 2 * f) return [fixed.at(i - f)!, grown.mirror()];
  const k = i - 2 * f;
  if (k >= JITTERED_RUNS) return undefined;
  return [jitteredHeuristic(round * JITTERED_RUNS + k), k % 2 === 0 ? comp : grown.mirror()];
}

/** What a portfolio sets up from its second run on, each piece when first asked for. */
interface Grown {
  mirror: () => Component;
  fixed: DistinctHeuristics;
}

/**
 * The part with time reversed: same buffers, same conflicts, so the same
 * placements fit, but the search meets its choices in another order.
 */
function mirrored(comp: Component): Component {
  const S = comp.sectionCount;
  return {
    ...comp,
    first: Int32Array.from(comp.end, (e) => S - e),
    end: Int32Array.from(comp.first, (f) => S - f),
    mirrored: !comp.mirrored,
  };
}

function placedCount(offsets: Float64Array): number {
  let c = 0;
  for (const o of offsets) if (!Number.isNaN(o)) c++;
  return c;
}
