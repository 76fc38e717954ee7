/**
 * The one signature of every scheduler and every placer, and their results.
 * Statuses are values: a planner that runs out of time or cannot fit says so.
 *
 * @module
 */
import type { IndexedGraph } from "../graph/indexed_graph.ts";
import type { PlacementProblem, Schedule } from "../graph/types.ts";

/**
 * `optimal`: proved best for the problem as posed (bound = value);
 * `feasible`: a valid result with no proof of optimality;
 * `infeasible`: proved impossible (e.g. nothing fits the capacity), or none found;
 * `timeout`: the time limit ended the search; the result is the best found.
 */
export type PlannerStatus = "optimal" | "feasible" | "infeasible" | "timeout";

/** Options every scheduler accepts. */
export interface ScheduleOptions {
  /** Wall-clock seconds the scheduler may use; default its own. */
  timeLimit?: number;
  /** Seed for any randomised choice; results repeat for the same seed. */
  seed?: number;
}

/** What a scheduler returns. */
export interface ScheduleResult {
  /** Op indices; position = step. Always a valid topological order. */
  order: Schedule;
  /** Peak live of `order`, as FORMAT.md §5 defines it (the replay re-measures it). */
  peakLive: number;
  status: PlannerStatus;
  seconds: number;
  /** A proved lower bound on the peak live of any order, when the method has one. */
  bound?: number;
  /** Free-form details for provenance (variant chosen, solver log summary, …). */
  details?: Record<string, unknown>;
}

/** A scheduler: graph in, order out. */
export interface Scheduler {
  readonly name: string;
  readonly description: string;
  schedule(g: IndexedGraph, options?: ScheduleOptions): Promise<ScheduleResult>;
}

/** Options every placer accepts. */
export interface PlaceOptions {
  timeLimit?: number;
  seed?: number;
  /** Overrides `problem.capacity`. */
  capacity?: number;
  /**
   * Look for the lowest arena even below the capacity (the `search` placer
   * bisects/descends to the peak-live bound); placers without such a mode ignore it.
   */
  minimize?: boolean;
  /**
   * The problem's peak live (`problemPeakLive`), when the caller has it
   * already: a placer then need not compute it again (a fiftieth of a second
   * at a million buffers, under a one-second limit).
   */
  peakLive?: number;
  /**
   * Threads a placer may use, 1 or 2 (default 2): with 2 the exact search
   * gives a part it has searched for half a second a helper on a second
   * thread (solver/search/_second_core.ts); 1 keeps all work on the calling
   * thread, and the same problem, limit and seed then take the same path.
   */
  threads?: number;
}

/**
 * How a placer's lower bound on the arena was proved:
 * `peak-live`: the most bytes live at once;
 * `aligned-peak`: the same with every buffer but the topmost rounded up to the alignment;
 * `reachable-height`: the smallest height an optimal arena can take at or above
 *   those (sums of buffer sizes, see search/reachable_heights.ts);
 * `refuted-heights`: the exact search proved every lower height infeasible;
 * `refuted-subset`: the same on a subset of the buffers (search/subset_bound.ts);
 * `ilp-dual`: the location ILP's dual bound (the arena itself when HiGHS proved it optimal).
 */
export type BoundMethod =
  | "peak-live"
  | "aligned-peak"
  | "reachable-height"
  | "refuted-heights"
  | "refuted-subset"
  | "ilp-dual";

/** What a placer returns. */
export interface PlaceResult {
  /** Offset per buffer, in the order of `problem.buffers`. */
  offsets: Float64Array;
  /** Largest `offset + size` over buffers of positive size. */
  arena: number;
  /**
   * With a capacity: `infeasible` when the arena exceeds it (the offsets are then
   * the best found, over capacity) or `timeout` when time ran out before a fit.
   */
  status: PlannerStatus;
  seconds: number;
  /**
   * A proved lower bound on the arena of any placement, when known; equals the
   * arena when the status is `optimal`.
   */
  bound?: number;
  /** How `bound` was proved; `peak-live` when absent. */
  boundMethod?: BoundMethod;
  details?: Record<string, unknown>;
}

/** A placer: a fixed-lifetime buffer problem in, offsets out. */
export interface Placer {
  readonly name: string;
  readonly description: string;
  place(problem: PlacementProblem, options?: PlaceOptions): Promise<PlaceResult>;
  /**
   * It stops at `options.deadline` with a valid placement rather than
   * throwing `PlacementDeadline`, and its time depends on more than the
   * number of buffers: `best` runs it with a share of the time left.
   */
  readonly anytime?: boolean;
}
