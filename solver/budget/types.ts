/**
 * The one signature of every planner under a memory budget, and its result.
 *
 * @module
 */
import type { Events } from "../../graph/budget/events.ts";
import type { IndexedGraph } from "../../graph/indexed_graph.ts";
import type { PlannerStatus } from "../types.ts";
import type { BudgetAnalysis } from "./analysis.ts";

/** Options every budget planner accepts. */
export interface BudgetPlanOptions {
  /** Peak live the events must stay within (placement then aims at the same arena). */
  budget: number;
  /** Wall-clock seconds; default the planner's own. */
  timeLimit?: number;
  seed?: number;
  /** The analysis, when the caller already has it. */
  analysis?: BudgetAnalysis;
  /** Events of a plan found earlier, which the planner may start from (the MILP does). */
  start?: Events;
  /** The base order, for planners that keep one fixed (the MILP); default their own choice. */
  order?: Int32Array;
}

/**
 * What a budget planner returns (events only; placement comes after).
 * `infeasible`: an exact planner proved that no plan of its model fits;
 * `not_found`: a heuristic found none, which says nothing about whether one exists.
 */
export interface BudgetPlanResult {
  events?: Events;
  /** Peak live of `events` as the planner measured it (the replay re-measures it). */
  peakLive?: number;
  /** Recomputed cost as the planner measured it. */
  cost?: number;
  status: PlannerStatus | "not_found";
  seconds: number;
  /** A proved lower bound on the recomputed cost at this budget, when the method has one. */
  costBound?: number;
  details?: Record<string, unknown>;
}

/** A planner under a memory budget: graph and budget in, events out. */
export interface BudgetPlanner {
  readonly name: string;
  readonly description: string;
  plan(g: IndexedGraph, options: BudgetPlanOptions): Promise<BudgetPlanResult>;
}
