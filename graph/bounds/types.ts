/**
 * Result shapes shared by the lower bounds.
 *
 * @module
 */

/**
 * A lower bound on the peak live bytes of every schedule, with the op whose
 * step gave it: `op` is the op index, or -1 when no single op gave it: then
 * `step` says whether it was the first or the last step (whichever op runs
 * there), and no `step` means a case split.
 */
export interface Bound {
  bytes: number;
  op: number;
  step?: "first" | "last";
}

/** The bounds {@linkcode lowerBounds} knows, weakest first. */
export const BOUND_KINDS = ["trivial", "cut", "mincut", "split"] as const;

/** One of {@linkcode BOUND_KINDS}. */
export type BoundKind = typeof BOUND_KINDS[number];
