/**
 * A problem's buffers as columns: one typed array per field. The hot loops of
 * a large placement read these, not a million objects scattered over the heap.
 *
 * @module
 */
import type { PlacementProblem } from "../../graph/types.ts";

/** `lower`, `upper` and `size` of every buffer, by index. */
export interface BufferColumns {
  lower: Float64Array;
  upper: Float64Array;
  size: Float64Array;
}

/**
 * The columns of `problem`, in one pass over its buffers.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * const c = bufferColumns({ buffers: [{ id: "a", lower: 1, upper: 3, size: 8 }] });
 * assert.deepEqual([c.lower[0], c.upper[0], c.size[0]], [1, 3, 8]);
 * ```
 */
export function bufferColumns(problem: PlacementProblem): BufferColumns {
  const bs = problem.buffers;
  const n = bs.length;
  const lower = new Float64Array(n), upper = new Float64Array(n), size = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const b = bs[i];
    lower[i] = b.lower;
    upper[i] = b.upper;
    size[i] = b.size;
  }
  return { lower, upper, size };
}
