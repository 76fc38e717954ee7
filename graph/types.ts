/**
 * The on-disk shapes of FORMAT.md (graph, plan, buffer problem) and the small
 * in-memory types every planner and the simulator share.
 *
 * @module
 */

/** Tensor kinds of FORMAT.md §1; the kind sets the lifetime rule (§2). */
export const KINDS = [
  "input",
  "weight",
  "optimizer_state",
  "activation",
  "gradient",
  "workspace",
  "output",
] as const;

/** One of {@linkcode KINDS}. */
export type Kind = typeof KINDS[number];

/** A tensor of a `memplan.graph/v1` file: one allocation. */
export interface Tensor {
  id: string;
  /** Bytes; a non-negative safe integer. */
  size: number;
  /** Absent means `activation`. */
  kind?: Kind;
}

/** An operator of a `memplan.graph/v1` file. */
export interface Op {
  id: string;
  type?: string;
  /** Tensors read or updated in place. */
  in: string[];
  /** Tensors allocated by this op. */
  out: string[];
  /** Ops this op must run after although no tensor passes between them. */
  after?: string[];
  /**
   * Estimated work in floating-point operations (FLOPs from shapes for matrix
   * products, convolutions and attention; one per 4 bytes moved for other ops).
   * A non-negative finite number; the simulator ignores it.
   */
  cost?: number;
}

/** A training-step graph, `memplan.graph/v1`; `ops` is in program order. */
export interface Graph {
  format: "memplan.graph/v1";
  name: string;
  meta?: Record<string, unknown>;
  alignment?: number;
  tensors: Tensor[];
  ops: Op[];
}

/** A plan, `memplan.plan/v1`: an order and/or offsets for one graph. */
export interface Plan {
  format: "memplan.plan/v1";
  graph?: string;
  /** Op ids; absent means program order. */
  order?: string[];
  /** Tensor id to byte offset; absent means an online allocator places them. */
  offsets?: Record<string, number>;
  capacity?: number;
  planner?: Record<string, unknown>;
}

/**
 * One buffer of a fixed-lifetime placement problem (minimalloc CSV shape):
 * resident over the half-open step range `[lower, upper)`.
 */
export interface Buffer {
  id: string;
  lower: number;
  upper: number;
  size: number;
  /** Present in a solution file. */
  offset?: number;
}

/** All a placer ever sees: buffers with lifespans, an alignment and maybe a capacity. */
export interface PlacementProblem {
  buffers: Buffer[];
  /** Every offset must be a multiple of it; default 1. */
  alignment?: number;
  capacity?: number;
}

/** A schedule: op indices, position = step. */
export type Schedule = Int32Array;

/** Inclusive step intervals `[first[t], last[t]]` per dense tensor index. */
export interface Lifetimes {
  first: Int32Array;
  last: Int32Array;
}
