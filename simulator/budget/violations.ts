/**
 * What can be wrong with a `memplan.plan/v2` plan: the v1 memory violations
 * (over residencies, named `tensor#k` for the k-th residency) and the ones
 * recompute and offload add.
 *
 * @module
 */
import type {
  CapacityViolation,
  MisalignedViolation,
  MissingOffsetViolation,
  OverlapViolation,
} from "../violations.ts";

/** An op of the graph never runs. */
export interface NotRunViolation {
  kind: "not_run";
  op: string;
}

/** An op that must run once (see docs/FORMAT.md §7.3) runs again. */
export interface ForbiddenRerunViolation {
  kind: "forbidden_rerun";
  step: number;
  op: string;
  /** Step of its first run. */
  firstStep: number;
}

/** A run of `op` at `step` comes after `mustPrecede`, which must run after every run of `op`. */
export interface AfterOrderViolation {
  kind: "after_order";
  step: number;
  op: string;
  mustPrecede: string;
  mustPrecedeStep: number;
}

/** An op reads, or an offload copies, a tensor that is not resident. */
export interface NotResidentViolation {
  kind: "not_resident";
  step: number;
  /** The op reading it; absent for an offload. */
  op?: string;
  tensor: string;
}

/** A fetch with no current host copy. */
export interface StaleFetchViolation {
  kind: "stale_fetch";
  step: number;
  tensor: string;
  problem: "never offloaded" | "updated in place since its offload";
}

/** A weight, optimizer state or output is not resident when the step ends. */
export interface NotResidentAtEndViolation {
  kind: "not_resident_at_end";
  tensor: string;
}

/** Any v2 violation; `kind` tells which. */
export type BudgetViolation =
  | NotRunViolation
  | ForbiddenRerunViolation
  | AfterOrderViolation
  | NotResidentViolation
  | StaleFetchViolation
  | NotResidentAtEndViolation
  | OverlapViolation
  | CapacityViolation
  | MisalignedViolation
  | MissingOffsetViolation;

/** One of the v2 violation kinds. */
export type BudgetViolationKind = BudgetViolation["kind"];

/**
 * Keeps the first `cap` violations and counts all of them by kind.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const log = new BudgetViolationLog(10);
 * log.add({ kind: "not_run", op: "f" });
 * assert.equal(log.count, 1);
 * ```
 */
export class BudgetViolationLog {
  readonly cap: number;
  readonly list: BudgetViolation[] = [];
  readonly countByKind: Partial<Record<BudgetViolationKind, number>> = {};
  #count = 0;
  constructor(cap = 100) {
    this.cap = cap;
  }
  add(v: BudgetViolation): void {
    this.tally(v.kind, 1);
    if (this.list.length < this.cap) this.list.push(v);
  }
  /** Counts `n` violations of a kind; `keep` lists those the caller has room for. */
  tally(kind: BudgetViolationKind, n: number): void {
    this.#count += n;
    this.countByKind[kind] = (this.countByKind[kind] ?? 0) + n;
  }
  keep(v: BudgetViolation): void {
    if (this.list.length < this.cap) this.list.push(v);
  }
  get count(): number {
    return this.#count;
  }
}

/**
 * One line describing a violation, for the command line.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(describeBudgetViolation({ kind: "not_run", op: "f" }), 'op "f" never runs');
 * ```
 */
export function describeBudgetViolation(v: BudgetViolation): string {
  const q = JSON.stringify;
  switch (v.kind) {
    case "not_run":
      return `op ${q(v.op)} never runs`;
    case "forbidden_rerun":
      return `step ${v.step}: op ${
        q(v.op)
      } runs again (first at step ${v.firstStep}) but may run only once`;
    case "after_order":
      return `step ${v.step}: op ${q(v.op)} runs after ${
        q(v.mustPrecede)
      } (step ${v.mustPrecedeStep}), which must follow every run of it`;
    case "not_resident":
      return v.op !== undefined
        ? `step ${v.step}: op ${q(v.op)} reads ${q(v.tensor)}, which is not resident`
        : `step ${v.step}: offload of ${q(v.tensor)}, which is not resident`;
    case "stale_fetch":
      return `step ${v.step}: fetch of ${q(v.tensor)}: ${v.problem}`;
    case "not_resident_at_end":
      return `${q(v.tensor)} is not resident when the step ends`;
    case "overlap":
      return `step ${v.step}: ${q(v.tensors[0])} [${v.ranges[0]}) and ${q(v.tensors[1])} [${
        v.ranges[1]
      }) share bytes`;
    case "out_of_capacity":
      return `step ${v.step}: ${q(v.tensor)} [${v.range}) ends above the budget ${v.capacity}`;
    case "misaligned":
      return `${q(v.tensor)} at offset ${v.offset} is not a multiple of ${v.alignment}`;
    case "missing_offset":
      return `${q(v.tensor)} has no offset`;
  }
}
