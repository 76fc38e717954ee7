/**
 * What can be wrong with a plan, as a tagged union, and a capped log of them.
 *
 * @module
 */

/** Two resident tensors share bytes. */
export interface OverlapViolation {
  kind: "overlap";
  /** The first step where both are resident. */
  step: number;
  tensors: [string, string];
  /** Their byte ranges `[offset, offset + size)`. */
  ranges: [[number, number], [number, number]];
}

/** A tensor ends above the plan's capacity. */
export interface CapacityViolation {
  kind: "out_of_capacity";
  step: number;
  tensor: string;
  range: [number, number];
  capacity: number;
}

/** An offset that is not a multiple of the graph's alignment. */
export interface MisalignedViolation {
  kind: "misaligned";
  tensor: string;
  offset: number;
  alignment: number;
}

/** A tensor of positive size without an offset under the static allocator. */
export interface MissingOffsetViolation {
  kind: "missing_offset";
  tensor: string;
}

/** An op scheduled before a producer of one of its inputs or before one of its `after` ops. */
export interface NotTopologicalViolation {
  kind: "not_topological";
  step: number;
  op: string;
  /** The op that had to run first, and the step where it ran. */
  mustFollow: string;
  mustFollowStep: number;
  /** `data`: `mustFollow` produces `tensor`, which `op` reads; `after`: an `after` edge. */
  edge: "data" | "after";
  tensor?: string;
}

/** The order is not a permutation of the graph's ops. */
export interface NotPermutationViolation {
  kind: "not_permutation";
  op: string;
  problem: "missing" | "repeated" | "unknown";
  /** Position in the order, for `repeated` and `unknown`. */
  position?: number;
}

/** Any violation; `kind` tells which. */
export type Violation =
  | OverlapViolation
  | CapacityViolation
  | MisalignedViolation
  | MissingOffsetViolation
  | NotTopologicalViolation
  | NotPermutationViolation;

/** One of the violation kinds. */
export type ViolationKind = Violation["kind"];

/**
 * Keeps the first `cap` violations and counts all of them, by kind.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const log = new ViolationLog(100);
 * log.add({ kind: "missing_offset", tensor: "a" });
 * assert.equal(log.count, 1);
 * ```
 */
export class ViolationLog {
  readonly cap: number;
  readonly list: Violation[] = [];
  readonly countByKind: Partial<Record<ViolationKind, number>> = {};
  #count = 0;
  constructor(cap = 100) {
    this.cap = cap;
  }
  /** True while another listed violation would still be kept. */
  get hasRoom(): boolean {
    return this.list.length < this.cap;
  }
  add(v: Violation): void {
    this.tally(v.kind, 1);
    if (this.list.length < this.cap) this.list.push(v);
  }
  /** Lists a violation already counted with {@linkcode ViolationLog.tally}, if there is room. */
  keep(v: Violation): void {
    if (this.list.length < this.cap) this.list.push(v);
  }
  /** Counts violations without listing them (the overlap counter finds more than it lists). */
  tally(kind: ViolationKind, n: number): void {
    this.#count += n;
    this.countByKind[kind] = (this.countByKind[kind] ?? 0) + n;
  }
  get count(): number {
    return this.#count;
  }
}
