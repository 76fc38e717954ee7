/**
 * A built plan's offsets kept as the dense array they came from, until
 * someone reads them as an object: at a million tensors that object (a key a
 * tensor) took a second to build and as long again to stringify, and the
 * plan writer (graph/plan_json.ts) streams the dense array instead.
 *
 * @module
 */
import { lazyProperty } from "./lazy_property.ts";
import type { Plan } from "./types.ts";

/** What a plan's offsets are made from: tensor ids, sizes and offsets by tensor index. */
export interface DenseOffsets {
  tensorIds: readonly string[];
  size: ArrayLike<number>;
  /** By tensor index; tensors of size 0 get no offset. */
  offsets: Float64Array;
}

const denseOf = new WeakMap<Plan, DenseOffsets>();

/**
 * Gives `plan` an `offsets` property built from `dense` when first read
 * (a tensor of size 0 gets none), and written over like any property.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * import type { Plan } from "./types.ts";
 * const plan: Plan = { format: "memplan.plan/v1" };
 * setDenseOffsets(plan, { tensorIds: ["a", "b"], size: [4, 0], offsets: Float64Array.from([8, 0]) });
 * assert.ok(denseOffsets(plan));
 * assert.deepEqual({ ...plan.offsets }, { a: 8 });
 * assert.equal(denseOffsets(plan), undefined); // read: an object now
 * ```
 */
export function setDenseOffsets(plan: Plan, dense: DenseOffsets): void {
  lazyProperty(plan, "offsets", () => offsetRecord(dense), () => denseOf.delete(plan));
  denseOf.set(plan, dense);
}

/**
 * The dense offsets of `plan` while its `offsets` were never read; else undefined.
 *
 * @example
 * ```ts
 * import assert from "node:assert/strict";
 * assert.equal(denseOffsets({ format: "memplan.plan/v1", offsets: { a: 0 } }), undefined);
 * ```
 */
export function denseOffsets(plan: Plan): DenseOffsets | undefined {
  return denseOf.get(plan);
}

function offsetRecord(dense: DenseOffsets): Record<string, number> {
  // No prototype: a tensor named "__proto__" must get an offset like any other
  // (on a plain object the assignment would be swallowed by the accessor).
  const offsets: Record<string, number> = Object.create(null);
  const { tensorIds, size } = dense;
  for (let t = 0; t < tensorIds.length; t++) {
    if (size[t] > 0) offsets[tensorIds[t]] = dense.offsets[t];
  }
  return offsets;
}
