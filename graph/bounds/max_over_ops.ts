/**
 * Turning per-op bounds into one bound.
 *
 * @module
 */
import type { Bound } from "./types.ts";

/**
 * The largest per-op value, or `floor` itself when it is strictly larger; the
 * first op wins ties between ops.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.deepEqual(maxOverOps(Float64Array.from([3, 9, 9]), { bytes: 5, op: -1 }), { bytes: 9, op: 1 });
 * ```
 */
export function maxOverOps(perOp: Float64Array, floor: Bound): Bound {
  let best = floor.bytes, op = -1;
  for (let v = 0; v < perOp.length; v++) {
    if (perOp[v] > best || (perOp[v] === best && op < 0)) {
      best = perOp[v];
      op = v;
    }
  }
  return op < 0 ? floor : { bytes: best, op };
}
