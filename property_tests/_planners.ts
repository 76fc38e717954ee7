/**
 * The planners under test, read from the registry tables at run time so a
 * newly registered scheduler or placer is tested with no new test code, and
 * the budget each gets.
 *
 * Planners outside {@linkcode FAST_PLANNERS} may run solvers (ILP, search)
 * for up to their time limit; they get {@linkcode PLANNER_OPTIONS}'s small
 * time limit, smaller inputs and fewer runs ({@linkcode budgetOf}).
 *
 * @module
 */
import {
  placerNames,
  PLACERS,
  plannerNames,
  schedulerNames,
  SCHEDULERS,
} from "../solver/registry.ts";
import type { Placer, Scheduler } from "../solver/types.ts";

/** Planners known to answer in milliseconds: the registry's `linear` ones. */
export const FAST_PLANNERS: ReadonlySet<string> = new Set(plannerNames({ cost: "linear" }));

/**
 * Options every planner gets here: a small time limit (2 s) and a fixed seed.
 * Properties run under it assert only what holds whatever a planner reached.
 */
export const PLANNER_OPTIONS = { timeLimit: 2, seed: 1 } as const;

/**
 * Options of an exact planner whose optimum is asserted: no time limit, so the
 * (small) input alone decides the outcome, on any machine.
 */
export const EXACT_OPTIONS = { timeLimit: Infinity, seed: 1 } as const;

/** Scheduler names that must reach the brute-force optimum (property 3). */
export const EXACT_SCHEDULERS: readonly string[] = schedulerNames({ exact: true });

/** Placer names that must reach the brute-force optimum (property 3). */
export const EXACT_PLACERS: readonly string[] = placerNames({ exact: true });

/** A registered planner and whether it gets the slow budget. */
export interface PlannerCase<P> {
  name: string;
  planner: P;
  slow: boolean;
}

/** How much one planner is exercised by one property. */
export interface Budget {
  /** Runs at the standard count. */
  runs: number;
  /** Largest random DAG, in ops. */
  maxOps: number;
  /** Most layers of a training graph. */
  maxLayers: number;
  /** Most buffers of a random buffer problem. */
  maxBuffers: number;
  /** Seconds after which a property stops starting runs (see `PropertyTestOptions.timeCap`). */
  timeCap?: number;
}

/** The budget of a fast planner. */
export const FAST_BUDGET: Budget = { runs: 100, maxOps: 16, maxLayers: 5, maxBuffers: 20 };

/** The budget of a planner that may run a solver: fewer runs, smaller inputs. */
export const SLOW_BUDGET: Budget = {
  runs: 25,
  maxOps: 7,
  maxLayers: 2,
  maxBuffers: 8,
  timeCap: 15,
};

/**
 * The budget of a planner case.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const [program, greedy, ilp] = schedulerCases();
 * assert.deepEqual([program.name, greedy.name, ilp.name], ["program", "greedy", "ilp"]);
 * assert.equal(budgetOf(greedy).runs, 100);
 * assert.equal(budgetOf(ilp).runs, 25); // slow: fewer runs, smaller inputs
 * ```
 */
export function budgetOf(c: { slow: boolean }): Budget {
  return c.slow ? SLOW_BUDGET : FAST_BUDGET;
}

/**
 * Every registered scheduler, in table order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(schedulerCases().map((c) => c.name), ["program", "greedy", "ilp", "best"]);
 * ```
 */
export function schedulerCases(): PlannerCase<Scheduler>[] {
  return Object.entries(SCHEDULERS).map(([name, planner]) => ({
    name,
    planner,
    slow: !FAST_PLANNERS.has(name),
  }));
}

/**
 * Every registered placer, in table order.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const names = placerCases().map((c) => c.name);
 * assert.deepEqual(names.slice(0, 4), ["greedy-size", "greedy-conflicts", "greedy-area", "first-fit"]);
 * assert.ok(names.includes("ilp") && names.includes("search"));
 * ```
 */
export function placerCases(): PlannerCase<Placer>[] {
  return Object.entries(PLACERS).map(([name, planner]) => ({
    name,
    planner,
    slow: !FAST_PLANNERS.has(name),
  }));
}

/**
 * The registered placers of the fast budget: every run of a scheduler's
 * property places its order with each of them.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(fastPlacers().map((c) => c.name), [
 *   "greedy-size", "greedy-conflicts", "greedy-area", "first-fit", "skyline",
 * ]);
 * ```
 */
export function fastPlacers(): PlannerCase<Placer>[] {
  return placerCases().filter((c) => !c.slow);
}
