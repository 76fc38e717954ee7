/**
 * Rematerialization that keeps, one by one, the dropped tensors whose
 * recompute would break an `after` edge, until none does.
 *
 * @module
 */
import type { BudgetAnalysis } from "./analysis.ts";
import { DROP, type Drops, rematerialize, type Rematerialized } from "./rematerialize.ts";

/**
 * Events of `base` under `drops`, with conflicting drops undone (in `drops`).
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import { trainingChain } from "../../graph/budget/training_chain.ts";
 * import { runEvents } from "../../graph/budget/events.ts";
 * import { programOrder } from "../../graph/lifetimes.ts";
 * import { analyseBudget } from "./analysis.ts";
 * import { noDrops } from "./rematerialize.ts";
 * const g = trainingChain(4);
 * const a = analyseBudget(g);
 * const { events } = rematerializeValid(a, programOrder(g), noDrops(g.tensorCount));
 * assert.deepEqual(events, runEvents(programOrder(g)));
 * ```
 */
export function rematerializeValid(
  a: BudgetAnalysis,
  base: Int32Array,
  drops: Drops,
): Rematerialized {
  for (;;) {
    const r = rematerialize(a, base, drops);
    if (r.conflicts.length === 0) return r;
    let changed = false;
    for (const t of r.conflicts) {
      if (drops.mode[t] !== DROP.keep) {
        drops.mode[t] = DROP.keep;
        drops.after[t] = [];
        changed = true;
      }
    }
    if (!changed) throw new Error("rematerialize: a conflict on a tensor that is not dropped");
  }
}
