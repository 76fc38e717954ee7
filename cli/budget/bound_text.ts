/**
 * The words of a budget that is below a proved lower bound: which plans the
 * bound rules out and why, shared by `plan --budget` and `pareto`.
 *
 * @module
 */

/** Which plans a bound rules out (solver/budget/plan_budget.ts). */
export type BoundKind = "footprint" | "recompute";

/**
 * Why no plan fits below `bound`, for an error line.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.match(boundReason(100, "recompute", "conv"), /any plan that only recomputes/);
 * assert.match(boundReason(100, "footprint", "conv"), /of any plan \(op "conv" needs/);
 * ```
 */
export function boundReason(bound: number, kind: BoundKind, op: string): string {
  if (kind === "recompute") {
    return `below the lower bound ${bound} of any plan that only recomputes (at op ${
      JSON.stringify(op)
    }, tensors no re-run can make again stay resident: graph inputs, outputs of ops that ` +
      `may not run twice such as random draws or batch norms, values updated in place); ` +
      `an offloading planner (greedy-offload) may go lower`;
  }
  return `below the lower bound ${bound} of any plan (op ${
    JSON.stringify(op)
  } needs its inputs, outputs, weights and optimizer state)`;
}
